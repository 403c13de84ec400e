using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.ReporterPages;

/// <summary>A page session signed in with an API token lasts no longer than the token: revoking it signs the browser out.</summary>
public sealed class PageSessionTokenTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Fact]
    public async Task Revoking_the_token_a_session_was_signed_in_with_ends_the_session()
    {
        var reporter = await Seed.UserAsync(factory.Services, Roles.Reporter);
        var page = PageClient.InventoryPath(reporter.OrganisationId);
        var session = PageClient.Session(await PageClient.SignInAsync(Client(), reporter.Token));
        Assert.Equal(HttpStatusCode.OK, (await PageClient.GetAsync(Client(), page, session)).StatusCode);

        await using (var connection = factory.OpenDatabase())
        {
            var tokenId = Assert.Single(connection.Strings("SELECT id FROM api_tokens WHERE user_id = @user", ("@user", reporter.UserId)));
            Assert.Equal([tokenId], connection.Strings("SELECT api_token_id FROM web_sessions WHERE user_id = @user", ("@user", reporter.UserId)));
            using var api = factory.CreateClient();
            api.DefaultRequestHeaders.Authorization = new("Bearer", reporter.Token);
            Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/tokens/{tokenId}")).StatusCode);
        }

        var after = await PageClient.GetAsync(Client(), page, session);
        Assert.Equal(HttpStatusCode.SeeOther, after.StatusCode);
        Assert.StartsWith("/sign-in", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
}
