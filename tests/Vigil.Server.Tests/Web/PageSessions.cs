using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Security;

namespace Vigil.Server.Tests.Web;

/// <summary>Browsing the pages without a browser: a client that keeps no cookies and follows no redirects, with a language and a page session chosen per request.</summary>
public sealed class PageBrowsing(MatrixWorld world)
{
    private string? _session;

    public HttpClient Client { get; } = world.Host.NewClient();

    /// <summary>Reporter A's page session, signed in with its token once.</summary>
    public async Task<string> SessionAsync()
    {
        if (_session is null)
        {
            var signedIn = await PageForms.SignInAsync(Client, ("token", world.ReporterA.Client.DefaultRequestHeaders.Authorization!.Parameter!));
            Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
            _session = PageForms.SessionOf(signedIn);
        }
        return _session;
    }

    public async Task<HttpResponseMessage> GetAsync(string path, bool signedIn, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        var cookies = new List<string> { $"vigil_language=c%3D{language}%7Cuic%3D{language}" };
        if (signedIn)
        {
            cookies.Add("vigil_session=" + await SessionAsync());
        }
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        return await Client.SendAsync(request);
    }
}
