using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Vigil.Server.Features.OidcSignIn;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.OidcSignIn;

/// <summary>
/// OpenID Connect sign-in is off unless configured, a configuration that cannot work stops the server at start without
/// repeating the secret, and a provider that cannot be reached gives a page, not a 500 (issue 11).
/// </summary>
public sealed class OidcSignInConfigurationTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Fact]
    public async Task Without_configuration_the_sign_in_page_offers_no_provider_and_its_paths_do_not_exist()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await client.GetStringAsync("/sign-in");

        Assert.DoesNotContain("Sign in with", page, StringComparison.Ordinal);
        foreach (var path in new[] { "/sign-in/oidc", "/sign-in/oidc/complete", "/signin-oidc" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        }
    }

    [Theory]
    [InlineData("Oidc:ClientSecret", "Oidc:Authority=https://id.example.org", "Oidc:ClientId=vigil", "Oidc:DisplayName=Example ID")]
    [InlineData("Oidc:Authority must use https", "Oidc:Authority=http://id.example.org", "Oidc:ClientId=vigil", "Oidc:DisplayName=Example ID")]
    [InlineData("Oidc:Authority must be", "Oidc:Authority=id.example.org", "Oidc:ClientId=vigil", "Oidc:DisplayName=Example ID")]
    [InlineData("Oidc:ClientId", "Oidc:Authority=https://id.example.org", "Oidc:DisplayName=Example ID")]
    [InlineData("Oidc:DisplayName", "Oidc:Authority=https://id.example.org", "Oidc:ClientId=vigil")]
    [InlineData("Oidc:Scopes", "Oidc:Authority=https://id.example.org", "Oidc:ClientId=vigil", "Oidc:DisplayName=Example ID", "Oidc:Scopes:0=email")]
    [InlineData("Oidc:Authority is not", "Oidc:ClientId=vigil")]
    public void A_configuration_that_cannot_work_stops_the_server_at_start_naming_the_setting_and_never_the_secret(string expected, params string[] settings)
    {
        const string Secret = "a-client-secret-that-must-not-be-repeated";
        // Every case but the one about the missing secret has one, which the message must not quote.
        var withSecret = expected == "Oidc:ClientSecret" ? settings : [.. settings, "Oidc:ClientSecret=" + Secret];
        using var misconfigured = factory.WithWebHostBuilder(b =>
        {
            foreach (var setting in withSecret)
            {
                var (key, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                b.UseSetting(key, value);
            }
        });

        var error = Assert.Throws<OptionsValidationException>(() => misconfigured.CreateClient());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_that_cannot_be_reached_gives_a_page_saying_so_not_a_500()
    {
        var server = new RunningServer
        {
            ExtraArguments = [$"--Oidc:Authority=http://127.0.0.1:{ClosedPort()}", "--Oidc:ClientId=vigil", "--Oidc:ClientSecret=unused",
                "--Oidc:DisplayName=Nowhere ID", "--Oidc:RequireHttpsMetadata=false"],
        };
        await server.InitializeAsync();
        try
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address };
            Assert.Contains("Sign in with Nowhere ID", await client.GetStringAsync("/sign-in"), StringComparison.Ordinal);

            var response = await client.GetAsync("/sign-in/oidc");

            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.Contains("Nowhere ID cannot be reached now", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("email", "a@example.org", "true", true, "a@example.org")]
    [InlineData("email", "a@example.org", "True", true, "a@example.org")]
    [InlineData("email", " A@example.org ", "true", true, "A@example.org")]
    [InlineData("email", "a@example.org", "false", true, null)]
    [InlineData("email", "a@example.org", null, true, null)]
    [InlineData("email", "a@example.org", null, false, "a@example.org")]
    [InlineData("upn", "a@example.org", null, false, null)]
    [InlineData("email", "", "true", true, null)]
    public void The_verified_e_mail_is_read_from_the_configured_claim(string claimInToken, string value, string? verified, bool requireVerified, string? expected)
    {
        var claims = new List<Claim> { new(claimInToken, value) };
        if (verified is not null)
        {
            claims.Add(new Claim("email_verified", verified));
        }
        var options = new OidcOptions { EmailClaim = "email", RequireVerifiedEmail = requireVerified };

        Assert.Equal(expected, OidcSignInEvents.VerifiedEmail(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")), options));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
