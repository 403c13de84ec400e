using System.Text;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Aggregation;

public sealed class ProviderKeyOnSqliteTests(LoopbackFollowerFactory factory) : ProviderKeyTests<LoopbackFollowerFactory>(factory);

public sealed class ProviderKeyOnPostgresTests(LoopbackFollowerPostgresFactory factory) : ProviderKeyTests<LoopbackFollowerPostgresFactory>(factory);

/// <summary>
/// Issue 14: a provider key that cannot be fetched or read leaves the documents' signatures unchecked, which is not a
/// bad signature: the refusal says "signature could not be checked" and why, and a signature that does verify false
/// (or is by a key the provider does not publish, all its keys read) is still "bad signature".
/// </summary>
public abstract class ProviderKeyTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task A_key_that_cannot_be_fetched_leaves_the_signature_unchecked_not_bad()
    {
        await using var provider = await StaticCsafProvider.StartAsync("white");
        provider.Remove($"openpgp/{provider.Key.Fingerprint}.asc");

        var reason = await RefusalAsync(provider, "KEY404");

        Assert.StartsWith("signature could not be checked: none of the provider's OpenPGP keys could be read; key ", reason, StringComparison.Ordinal);
        Assert.Contains(provider.Url($"openpgp/{provider.Key.Fingerprint}.asc"), reason, StringComparison.Ordinal);
        Assert.Contains("404", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("bad signature", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_that_cannot_be_read_leaves_the_signature_unchecked_not_bad()
    {
        await using var provider = await StaticCsafProvider.StartAsync("white");
        provider.Write($"openpgp/{provider.Key.Fingerprint}.asc", Encoding.ASCII.GetBytes("not a key"));

        var reason = await RefusalAsync(provider, "KEYBAD");

        Assert.StartsWith("signature could not be checked: none of the provider's OpenPGP keys could be read; key ", reason, StringComparison.Ordinal);
        Assert.Contains("OpenPGP public key", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("bad signature", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signature_by_a_key_the_provider_does_not_publish_is_bad_when_every_key_was_read()
    {
        await using var provider = await StaticCsafProvider.StartAsync("white");

        var reason = await RefusalAsync(provider, "STRANGER", provider.Stranger);

        Assert.StartsWith("bad signature: the document is signed by key ", reason, StringComparison.Ordinal);
    }

    private async Task<string> RefusalAsync(StaticCsafProvider provider, string name, CsafOpenPgpKey? signer = null)
    {
        provider.Publish("white/2024/doc.json", provider.Document($"PK-{name}-{Guid.NewGuid().ToString("N")[..8]}"), signer: signer);
        provider.WriteText("white/index.txt", "2024/doc.json\n");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var run = await ProviderFollowingTests<TFactory>.RunAsync(analyst.Client, await ProviderFollowingTests<TFactory>.FollowAsync(analyst.Client, provider.MetadataUrl.AbsoluteUri));
        var entries = ProviderFollowingTests<TFactory>.Entries(run);
        var (outcome, reason) = entries[provider.Url("white/2024/doc.json")];
        Assert.Equal("refused", outcome);
        return reason!;
    }
}
