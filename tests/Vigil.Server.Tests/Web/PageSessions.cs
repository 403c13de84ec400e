using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Security;

namespace Vigil.Server.Tests.Web;

/// <summary>Browsing the pages without a browser: a client that keeps no cookies and follows no redirects, with a language and a page session chosen per request.</summary>
public sealed class PageBrowsing(MatrixWorld world)
{
    private readonly Dictionary<string, string> _sessions = [];

    public HttpClient Client { get; } = world.Host.NewClient();

    /// <summary>A caller's page session (reporter A unless named), signed in with its token once.</summary>
    public async Task<string> SessionAsync(string reader = "reporter A")
    {
        if (!_sessions.TryGetValue(reader, out var session))
        {
            var caller = world.Callers.Single(c => c.Name == reader);
            var signedIn = await PageForms.SignInAsync(Client, ("token", caller.Client.DefaultRequestHeaders.Authorization!.Parameter!));
            Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
            session = _sessions[reader] = PageForms.SessionOf(signedIn);
        }
        return session;
    }

    public Task<HttpResponseMessage> GetAsync(string path, bool signedIn, string language) => GetAsync(path, signedIn ? "reporter A" : null, language);

    /// <summary>A page read by the public (<paramref name="reader"/> null) or by one of the world's callers signed in.</summary>
    public async Task<HttpResponseMessage> GetAsync(string path, string? reader, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        var cookies = new List<string> { $"vigil_language=c%3D{language}%7Cuic%3D{language}" };
        if (reader is not null)
        {
            cookies.Add("vigil_session=" + await SessionAsync(reader));
        }
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        return await Client.SendAsync(request);
    }
}
