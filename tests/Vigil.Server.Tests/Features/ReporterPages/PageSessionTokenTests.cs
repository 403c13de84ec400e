using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.ReporterPages;

/// <summary>A page session signed in with an API token lasts no longer than the token: revoking it signs the browser out.</summary>
public sealed class PageSessionTokenTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    private const string Origin = "http://localhost";

    [Fact]
    public async Task Revoking_the_token_a_session_was_signed_in_with_ends_the_session()
    {
        var reporter = await Seed.UserAsync(factory.Services, Roles.Reporter);
        var page = $"/organisations/{reporter.OrganisationId}/inventory";
        var secret = await SignInAsync(reporter.Token);
        Assert.Equal(HttpStatusCode.OK, (await Client().SendAsync(Get(page, secret))).StatusCode);

        await using (var connection = factory.OpenDatabase())
        {
            var tokenId = Assert.Single(connection.Strings("SELECT id FROM api_tokens WHERE user_id = @user", ("@user", reporter.UserId)));
            Assert.Equal([tokenId], connection.Strings("SELECT api_token_id FROM web_sessions WHERE user_id = @user", ("@user", reporter.UserId)));
            using var api = factory.CreateClient();
            api.DefaultRequestHeaders.Authorization = new("Bearer", reporter.Token);
            Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/tokens/{tokenId}")).StatusCode);
        }

        var after = await Client().SendAsync(Get(page, secret));
        Assert.Equal(HttpStatusCode.SeeOther, after.StatusCode);
        Assert.Equal("/sign-in", after.Headers.Location!.OriginalString);
    }

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<string> SignInAsync(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/sign-in") { Content = new FormUrlEncodedContent([new("token", token)]) };
        request.Headers.Add("Origin", Origin);
        var response = await Client().SendAsync(request);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0].Split('=', 2)[1];
    }

    private static HttpRequestMessage Get(string path, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{WebSessions.CookieName}={secret}");
        return request;
    }
}
