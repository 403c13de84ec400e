using Vigil.Server.Tests.Features.ReporterPages;

namespace Vigil.Server.Tests.Features.OidcSignIn;

/// <summary>A local OpenID Connect provider, Vigil on Kestrel configured to sign in through it, and Chromium.</summary>
public sealed class OidcFixture : BrowserFixture
{
    public const string DisplayName = "Test Provider";

    public const string ClientId = "vigil-pages";

    // A secret of the test's own: the provider checks it at its token endpoint.
    public static readonly string ClientSecret = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    public LocalOidcProvider Provider { get; private set; } = null!;

    protected override async Task<IReadOnlyList<string>> ServerArgumentsAsync()
    {
        Provider = await LocalOidcProvider.StartAsync();
        return
        [
            $"--Oidc:Authority={Provider.Issuer}", $"--Oidc:ClientId={ClientId}", $"--Oidc:ClientSecret={ClientSecret}",
            $"--Oidc:DisplayName={DisplayName}", "--Oidc:RequireHttpsMetadata=false",
            // Administrators must have a second factor here: one without cannot sign in through the provider either.
            "--Accounts:RequireTotpForRoles:0=admin",
        ];
    }

    protected override Task ServerStartedAsync() => Provider.AddClientAsync(ClientId, ClientSecret, new Uri(Server.Address, "/signin-oidc"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }
    }
}
