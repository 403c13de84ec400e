using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Json;
using Vigil.Server.Features.Attachments;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Attachments;

public sealed class AttachmentOnSqliteTests(VigilFactory factory) : AttachmentTests<VigilFactory>(factory);

public sealed class AttachmentOnPostgresTests(PostgresVigilFactory factory) : AttachmentTests<PostgresVigilFactory>(factory);

/// <summary>Issue 11, attachments: stored encrypted, committed with their submission, downloaded only by the incident's readers, on the record.</summary>
public abstract class AttachmentTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    private static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private string BlobPath(string sha256) => Path.Combine(factory.DataDirectory, "blobs", sha256[..2], sha256);

    [Fact]
    public async Task A_file_uploaded_attached_and_downloaded_comes_back_byte_for_byte_and_is_committed_with_its_report()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var bytes = AttachmentApi.Sample();
        var upload = await reporter.Client.PostAsync(bytes, "call log (19 May).txt", "text/plain; charset=utf-8");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var uploaded = await upload.JsonAsync();
        var sha256 = Sha256Of(bytes);
        Assert.Equal(sha256, uploaded["sha256"]!.GetValue<string>());
        Assert.Equal(bytes.Length, uploaded["size"]!.GetValue<long>());
        Assert.Equal("call log (19 May).txt", uploaded["name"]!.GetValue<string>());
        Assert.Equal("text/plain", uploaded["media_type"]!.GetValue<string>());

        var filed = await (await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report(extra: AttachmentApi.Attaching(sha256)))).JsonAsync();
        var id = filed["incident"]!["id"]!.GetValue<string>();
        var listed = Assert.Single(filed["incident"]!["fields"]!["attachments"]!.AsArray())!;
        Assert.Equal("call log (19 May).txt", listed["name"]!.GetValue<string>());
        Assert.Equal(bytes.Length, listed["size"]!.GetValue<long>());

        // What is stored and committed names the file by hash, with its name, type and size.
        var content = (await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/submissions/1"))["content"]!;
        var committed = Assert.Single(content["attachments"]!.AsArray())!;
        Assert.Equal(sha256, committed["sha256"]!.GetValue<string>());
        Assert.Equal("text/plain", committed["media_type"]!.GetValue<string>());
        Assert.Equal(bytes.Length, committed["size"]!.GetValue<long>());
        Assert.Equal(filed["receipt"]!["content_sha256"]!.GetValue<string>(),
            Sha256Of(Encoding.UTF8.GetBytes(CanonicalJson.Serialize(content.Element()))));

        var download = await reporter.Client.GetAsync($"/api/v1/incidents/{id}/attachments/{sha256}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment; filename=\"call log (19 May).txt\"; filename*=UTF-8''call%20log%20%2819%20May%29.txt",
            download.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox; default-src 'none'", download.Headers.GetValues("Content-Security-Policy").Single());

        var files = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/attachments");
        Assert.Equal(1, Assert.Single(files["items"]!.AsArray())!["submission"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_bytes_on_disk_are_sealed_not_the_plaintext_in_owner_only_files()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var bytes = AttachmentApi.Sample("PLAINTEXT-MARKER");
        var sha256 = await reporter.Client.UploadAsync(bytes);

        var stored = await File.ReadAllBytesAsync(BlobPath(sha256));
        Assert.Equal(bytes.Length + 12 + 16, stored.Length);
        Assert.DoesNotContain("PLAINTEXT-MARKER", Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        Assert.NotEqual(bytes, stored[12..^16]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(BlobPath(sha256)));
            var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Assert.Equal(owner, File.GetUnixFileMode(Path.Combine(factory.DataDirectory, "blobs")));
            Assert.Equal(owner, File.GetUnixFileMode(Path.GetDirectoryName(BlobPath(sha256))!));
        }
    }

    [Fact]
    public async Task An_update_adds_files_beside_the_earlier_ones()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var first = await reporter.Client.UploadAsync(AttachmentApi.Sample(), "first.txt");
        var second = await reporter.Client.UploadAsync(AttachmentApi.Sample(), "second.png", "image/png");
        var id = await reporter.Client.FileAsync(Api.Report(extra: AttachmentApi.Attaching(first)));
        var update = await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates",
            $$"""{"narrative": "a screenshot", "attachments": [{"sha256": "{{second}}", "name": "screen.png"}]}""");
        Assert.Equal(HttpStatusCode.Created, update.StatusCode);

        var view = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}");
        Assert.Equal(["first.txt", "screen.png"], view["fields"]!["attachments"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
        var files = (await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/attachments"))["items"]!.AsArray();
        Assert.Equal([1, 2], files.Select(f => f!["submission"]!.GetValue<int>()));
        Assert.Equal("image/png", files[1]!["media_type"]!.GetValue<string>());
        var download = await reporter.Client.GetAsync($"/api/v1/incidents/{id}/attachments/{second}");
        Assert.Contains("filename*=UTF-8''screen.png", download.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_413_and_nothing_is_stored()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var tooLarge = new byte[25 * 1024 * 1024 + 1];
        var response = await reporter.Client.PostAsync(tooLarge, "big.bin", "application/octet-stream");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(File.Exists(BlobPath(Sha256Of(tooLarge))));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("dir\\file.txt")]
    [InlineData("line\r\nbreak.txt")]
    [InlineData("")]
    public async Task A_file_name_that_is_a_path_or_has_control_characters_is_refused(string name)
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var response = await reporter.Client.PostAsync(AttachmentApi.Sample(), name);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["name"], await response.ProblemPointersAsync());
        var unnamed = await reporter.Client.PostAsync("/api/v1/attachments", new ByteArrayContent([1, 2, 3]));
        Assert.Equal(["name"], await unnamed.ProblemPointersAsync());
        Assert.Equal(["name"], await (await reporter.Client.PostAsync(AttachmentApi.Sample(), new string('x', 256))).ProblemPointersAsync());
    }

    [Fact]
    public async Task Only_reporters_and_analysts_upload_and_any_content_type_is_taken_as_it_is()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var oversight = await factory.CreateActorAsync(Roles.Oversight);
        Assert.Equal(HttpStatusCode.Created, (await analyst.Client.PostAsync(AttachmentApi.Sample(), "sample.apk", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await analyst.Client.PostAsync(AttachmentApi.Sample(), "page.html", "text/html")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Client.PostAsync(AttachmentApi.Sample(), "a.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await oversight.Client.PostAsync(AttachmentApi.Sample(), "a.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsync(AttachmentApi.Sample(), "a.txt")).StatusCode);
    }

    [Fact]
    public async Task Another_organisation_and_oversight_cannot_download_an_amber_incidents_file_and_the_analysts_download_is_shown_to_its_owner()
    {
        var owner = await factory.CreateActorAsync(Roles.Reporter);
        var other = await factory.CreateActorAsync(Roles.Reporter);
        var oversight = await factory.CreateActorAsync(Roles.Oversight);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var sha256 = await owner.Client.UploadAsync(AttachmentApi.Sample(), "pcap.txt");
        var id = await owner.Client.FileAsync(Api.Report(extra: AttachmentApi.Attaching(sha256)));
        Assert.Equal("AMBER", (await owner.Client.GetNodeAsync($"/api/v1/incidents/{id}"))["tlp"]!.GetValue<string>());

        foreach (var outsider in new[] { other, oversight })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/api/v1/incidents/{id}/attachments/{sha256}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/api/v1/incidents/{id}/attachments")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await analyst.Client.GetAsync($"/api/v1/incidents/{id}/attachments/{sha256}")).StatusCode);

        var seen = (await owner.Client.GetNodeAsync($"/api/v1/events?kind={IncidentAttachments.DownloadedEvent}&object_id={id}")).AsArray();
        var download = Assert.Single(seen)!;
        Assert.Equal(analyst.UserId, download["actor_id"]!.GetValue<string>());
        Assert.Equal(owner.OrganisationId, download["organisation_id"]!.GetValue<string>());
        Assert.Equal(sha256, download["details"]!["sha256"]!.GetValue<string>());
        Assert.Empty((await other.Client.GetNodeAsync($"/api/v1/events?kind={IncidentAttachments.DownloadedEvent}&object_id={id}")).AsArray());
    }

    [Fact]
    public async Task A_file_another_organisation_uploaded_cannot_be_attached_but_a_colleagues_can()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var colleague = await factory.CreateActorAsync(Roles.Reporter, reporter.OrganisationId);
        var stranger = await factory.CreateActorAsync(Roles.Reporter);
        var strangers = await stranger.Client.UploadAsync(AttachmentApi.Sample());
        var colleagues = await colleague.Client.UploadAsync(AttachmentApi.Sample(), "from-colleague.txt");
        var unknown = new string('0', 64);

        var refused = await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report(extra: AttachmentApi.Attaching(colleagues, strangers, unknown)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(["/attachments/1/sha256", "/attachments/2/sha256"], await refused.ProblemPointersAsync());
        Assert.Empty((await reporter.Client.GetNodeAsync("/api/v1/incidents"))["items"]!.AsArray());

        // A file the stranger attached to its own AMBER incident is no more attachable than before.
        var strangersIncident = await stranger.Client.FileAsync(Api.Report(extra: AttachmentApi.Attaching(strangers)));
        var stillRefused = await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report(extra: AttachmentApi.Attaching(strangers)));
        Assert.Equal(["/attachments/0/sha256"], await stillRefused.ProblemPointersAsync());

        var id = await reporter.Client.FileAsync(Api.Report(extra: AttachmentApi.Attaching(colleagues)));
        Assert.Equal(HttpStatusCode.OK, (await reporter.Client.GetAsync($"/api/v1/incidents/{id}/attachments/{colleagues}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.Client.GetAsync($"/api/v1/incidents/{strangersIncident}/attachments/{strangers}")).StatusCode);
    }

    [Fact]
    public async Task A_file_already_on_one_incident_may_be_attached_to_another_under_another_name()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var sha256 = await reporter.Client.UploadAsync(AttachmentApi.Sample(), "sample.apk");
        var first = await reporter.Client.FileAsync(Api.Report(extra: AttachmentApi.Attaching(sha256)));
        var second = await reporter.Client.FileAsync(Api.Report(extra: $$"""
            "attachments": [{"sha256": "{{sha256}}", "name": "same-sample.apk"}]
            """));

        Assert.Equal("sample.apk", Assert.Single((await reporter.Client.GetNodeAsync($"/api/v1/incidents/{first}/attachments"))["items"]!.AsArray())!["name"]!.GetValue<string>());
        Assert.Equal("same-sample.apk", Assert.Single((await reporter.Client.GetNodeAsync($"/api/v1/incidents/{second}/attachments"))["items"]!.AsArray())!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await reporter.Client.GetAsync($"/api/v1/incidents/{second}/attachments/{sha256}")).StatusCode);
    }

    [Fact]
    public async Task A_tampered_file_is_answered_as_damaged_without_a_500_and_nothing_is_recorded()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var sha256 = await reporter.Client.UploadAsync(AttachmentApi.Sample());
        var id = await reporter.Client.FileAsync(Api.Report(extra: AttachmentApi.Attaching(sha256)));
        var stored = await File.ReadAllBytesAsync(BlobPath(sha256));
        stored[20] ^= 0x01;
        await File.WriteAllBytesAsync(BlobPath(sha256), stored);

        var response = await reporter.Client.GetAsync($"/api/v1/incidents/{id}/attachments/{sha256}");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The stored file is damaged", (await response.JsonAsync())["title"]!.GetValue<string>());
        Assert.Empty((await reporter.Client.GetNodeAsync($"/api/v1/events?kind={IncidentAttachments.DownloadedEvent}&object_id={id}")).AsArray());

        File.Delete(BlobPath(sha256));
        Assert.Equal(HttpStatusCode.Conflict, (await reporter.Client.GetAsync($"/api/v1/incidents/{id}/attachments/{sha256}")).StatusCode);
    }

    [Fact]
    public async Task Uploads_never_attached_are_deleted_after_a_day_and_attached_files_stay()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var forgotten = await reporter.Client.UploadAsync(AttachmentApi.Sample(), "forgotten.txt");
        var kept = await reporter.Client.UploadAsync(AttachmentApi.Sample(), "kept.txt");
        var id = await reporter.Client.FileAsync(Api.Report(extra: AttachmentApi.Attaching(kept)));

        factory.Clock.Advance(TimeSpan.FromHours(25));
        await UnattachedUploadCleanup.DeleteExpiredAsync(factory.Services, factory.Services.GetRequiredService<AttachmentBlobs>(), CancellationToken.None);

        // Moving the clock on also wakes the server's own cleanup job, which may be the one deleting the file (its
        // row gone, the file a moment later): wait for whichever does.
        for (var waited = 0; File.Exists(BlobPath(forgotten)) && waited < 100; waited++)
        {
            await Task.Delay(50);
        }
        Assert.False(File.Exists(BlobPath(forgotten)));
        Assert.True(File.Exists(BlobPath(kept)));
        Assert.Equal(HttpStatusCode.OK, (await reporter.Client.GetAsync($"/api/v1/incidents/{id}/attachments/{kept}")).StatusCode);
        var late = await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", $$"""{"narrative": "late", {{AttachmentApi.Attaching(forgotten)}}}""");
        Assert.Equal(["/attachments/0/sha256"], await late.ProblemPointersAsync());
    }

    [Fact]
    public async Task The_ledger_audit_stays_clean_after_downloads()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var sha256 = await reporter.Client.UploadAsync(AttachmentApi.Sample());
        var id = await reporter.Client.FileAsync(Api.Report(extra: AttachmentApi.Attaching(sha256)));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await analyst.Client.GetAsync($"/api/v1/incidents/{id}/attachments/{sha256}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reporter.Client.GetAsync($"/api/v1/incidents/{id}/attachments/{sha256}")).StatusCode);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<LedgerAudit>().RunAsync(CancellationToken.None);
        Assert.True(audit.Clean, string.Join("\n", audit.Findings));
        Assert.True(audit.Events >= 6);
    }
}
