using System.Net;
using Vigil.Server.Infrastructure.Web;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Web;

/// <summary>
/// A request that fails is answered for whoever reads it: a page for a browser (in the reader's language, under the
/// pages' policy), problem+json for a program and for anything under /api/, whatever it accepts.
/// </summary>
public sealed class ErrorPageTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Theory]
    [InlineData("en", "Not found")]
    [InlineData("hi", "नहीं मिला")]
    public async Task A_browser_asking_for_an_address_with_no_page_gets_a_page_saying_so(string language, string heading)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/no/such/page");
        request.Headers.Add("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        request.Headers.Add("Cookie", $"vigil_language=c%3D{language}%7Cuic%3D{language}");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(WebFeature.PagePolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains($"<h1>{heading}</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no/such/page", "application/json")]
    [InlineData("/no/such/page", null)]
    [InlineData("/api/v1/no-such-thing", "text/html")]
    public async Task A_program_and_the_api_get_problem_json(string path, string? accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Add("Accept", accept);
        }

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
