using System.Net;
using System.Net.Http.Headers;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Attachments;

/// <summary>
/// The size limit on a real Kestrel, which holds every other body to the JSON limit (1 MiB): an upload may be as large
/// as Attachments:MaxBytes, and not a byte larger, whether the client says its length or streams it.
/// </summary>
public sealed class AttachmentsOnKestrelTests : IAsyncLifetime
{
    private const int Limit = 3_000_000;
    private readonly RunningServer _server = new() { ExtraArguments = [$"--Attachments:MaxBytes={Limit}"] };

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task An_upload_up_to_the_configured_limit_passes_and_one_byte_more_is_a_413()
    {
        var reporter = await Seed.UserAsync(_server.Services, Roles.Reporter);
        using var client = new HttpClient { BaseAddress = _server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", reporter.Token);

        var atLimit = new byte[Limit];
        Random.Shared.NextBytes(atLimit);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(atLimit, "dump.bin", "application/octet-stream")).StatusCode);

        var over = new byte[Limit + 1];
        var declared = await client.PostAsync(over, "dump.bin", "application/octet-stream");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal("application/problem+json", declared.Content.Headers.ContentType?.MediaType);

        var streamed = new StreamContent(new UnknownLengthStream(over));
        var chunked = await client.PostAsync("/api/v1/attachments?name=dump.bin", streamed);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal("application/problem+json", chunked.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A body whose length the client cannot know in advance: sent chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
