using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;
using Vigil.Server.Features.Notifications.Webhooks;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Webhooks;

/// <summary>
/// Issue 16: "the webhook signature verifies with the published algorithm and fails with a wrong secret or a stale
/// timestamp". The Standard Webhooks library (a NuGet package, not Vigil's code) checks what a real receiver got,
/// against the wall clock as a receiver would; so does the C# example of docs/webhooks.md and its shell one-liner.
/// </summary>
public sealed class WebhookSignatureTests
{
    [Fact]
    public async Task A_delivered_webhook_verifies_with_the_standard_library_and_not_with_another_secret()
    {
        using var factory = new DeliveryFactory();
        factory.Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
        var (received, endpoint, id) = await DeliverOneAsync(factory);

        new StandardWebhook(endpoint.Secret).Verify(received.Body, Headers(received));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(WebhookSecrets.Create().Shown).Verify(received.Body, Headers(received)));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(endpoint.Secret).Verify(received.Body.Replace("due_soon", "overdue"), Headers(received)));

        Assert.Equal(id.ToString(), received.Id);
        Assert.Equal("application/json", received.ContentType);
        var body = JsonNode.Parse(received.Body)!;
        Assert.Equal("deadline.due_soon", body["type"]!.GetValue<string>());
        Assert.Equal("early_warning", body["data"]!["stage"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(body["timestamp"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task A_stale_timestamp_fails_verification()
    {
        using var factory = new DeliveryFactory();
        // The server's clock stands days behind the wall clock the library checks against: every timestamp it sends is stale.
        Assert.True(factory.Clock.GetUtcNow() < TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(10));
        var (received, endpoint, _) = await DeliverOneAsync(factory);

        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(endpoint.Secret).Verify(received.Body, Headers(received)));
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(received.Timestamp!, System.Globalization.CultureInfo.InvariantCulture));
        var body = Encoding.UTF8.GetBytes(received.Body);
        Assert.True(DocumentedVerifier.Verify(endpoint.Secret, received.Id!, received.Timestamp!, received.Signature!, body, sentAt + TimeSpan.FromMinutes(4)));
        Assert.False(DocumentedVerifier.Verify(endpoint.Secret, received.Id!, received.Timestamp!, received.Signature!, body, sentAt + TimeSpan.FromMinutes(6)));
        Assert.False(DocumentedVerifier.Verify(WebhookSecrets.Create().Shown, received.Id!, received.Timestamp!, received.Signature!, body, sentAt));
    }

    [Fact]
    public async Task During_a_rotations_overlap_both_secrets_verify_and_after_it_only_the_new_one()
    {
        using var factory = new DeliveryFactory();
        factory.Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
        await using var receiver = await WebhookReceiver.StartAsync();
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var old = await Outbox.CreateEndpointAsync(reporter.Client, receiver.Url);
        var rotation = await (await reporter.Client.PostJsonAsync($"/api/v1/webhooks/{old.Id}/rotate", """{"overlap": "PT1H"}""")).JsonAsync();
        var fresh = rotation["secret"]!.GetValue<string>();
        Assert.NotEqual(old.Secret, fresh);
        Assert.NotNull(rotation["endpoint"]!["previous_secret_until"]);

        await Outbox.AddAsync(factory, old.Id, reporter.OrganisationId, "reminder:" + Guid.NewGuid());
        Assert.True(await receiver.ReceivedAsync(1));
        var during = receiver.All[0];
        Assert.Equal(2, during.Signature!.Split(' ').Length);
        // The library reads only the first signature of the list, so each is handed to it alone.
        var signatures = during.Signature.Split(' ');
        new StandardWebhook(fresh).Verify(during.Body, Headers(during with { Signature = signatures[0] }));
        new StandardWebhook(old.Secret).Verify(during.Body, Headers(during with { Signature = signatures[1] }));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(old.Secret).Verify(during.Body, Headers(during with { Signature = signatures[0] })));
        Assert.True(DocumentedVerifier.Verify(old.Secret, during.Id!, during.Timestamp!, during.Signature, Encoding.UTF8.GetBytes(during.Body), factory.Clock.GetUtcNow()));
        Assert.True(DocumentedVerifier.Verify(fresh, during.Id!, during.Timestamp!, during.Signature, Encoding.UTF8.GetBytes(during.Body), factory.Clock.GetUtcNow()));

        factory.Clock.Advance(TimeSpan.FromHours(2));
        await Outbox.AddAsync(factory, old.Id, reporter.OrganisationId, "reminder:" + Guid.NewGuid());
        Assert.True(await receiver.ReceivedAsync(2));
        var after = receiver.All[1];
        var now = factory.Clock.GetUtcNow();
        Assert.Single(after.Signature!.Split(' '));
        Assert.True(DocumentedVerifier.Verify(fresh, after.Id!, after.Timestamp!, after.Signature!, Encoding.UTF8.GetBytes(after.Body), now));
        Assert.False(DocumentedVerifier.Verify(old.Secret, after.Id!, after.Timestamp!, after.Signature!, Encoding.UTF8.GetBytes(after.Body), now));
    }

    [Fact]
    public async Task The_documented_shell_one_liner_computes_the_signature_sent()
    {
        using var factory = new DeliveryFactory();
        var (received, endpoint, _) = await DeliverOneAsync(factory);
        var directory = Directory.CreateTempSubdirectory("vigil-webhook-shell-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "body.json"), received.Body);
            var start = new ProcessStartInfo("bash", ["-c", ShellOneLiner()])
            {
                WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            start.Environment["id"] = received.Id;
            start.Environment["ts"] = received.Timestamp;
            start.Environment["secret"] = endpoint.Secret;
            using var shell = Process.Start(start)!;
            var printed = (await shell.StandardOutput.ReadToEndAsync()).Trim();
            await shell.WaitForExitAsync();
            Assert.True(shell.ExitCode == 0, await shell.StandardError.ReadToEndAsync());
            Assert.Equal("v1," + printed, received.Signature);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The command of docs/webhooks.md's "Verifying in a shell", as published.</summary>
    private static string ShellOneLiner()
    {
        var page = File.ReadAllText(RepositoryPaths.File("docs/webhooks.md"));
        var section = page[page.IndexOf("## Verifying in a shell", StringComparison.Ordinal)..];
        var start = section.IndexOf("```sh\n", StringComparison.Ordinal) + "```sh\n".Length;
        return section[start..section.IndexOf("```", start, StringComparison.Ordinal)].Trim();
    }

    private static async Task<(WebhookReceiver.Received Received, Outbox.Endpoint Endpoint, Guid Id)> DeliverOneAsync(VigilFactory factory)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var endpoint = await Outbox.CreateEndpointAsync(reporter.Client, receiver.Url);
        var id = await Outbox.AddAsync(factory, endpoint.Id, reporter.OrganisationId, "reminder:" + Guid.NewGuid());
        Assert.True(await receiver.ReceivedAsync(1), "the webhook did not arrive");
        return (receiver.All[0], endpoint, id);
    }

    private static HeaderDictionary Headers(WebhookReceiver.Received received) => new()
    {
        ["webhook-id"] = received.Id, ["webhook-timestamp"] = received.Timestamp, ["webhook-signature"] = received.Signature,
    };
}
