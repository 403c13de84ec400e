using Microsoft.AspNetCore.Mvc.Testing;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>
/// A server a test world is built on: in process (<see cref="VigilFactory"/>) or on Kestrel (<see cref="RunningServer"/>,
/// for a browser). Clients follow no redirects and keep no cookies, so each request says exactly who sends it.
/// </summary>
public abstract class TestHost : IDisposable
{
    public abstract IServiceProvider Services { get; }

    public abstract HttpClient NewClient();

    public HttpClient NewClient(string token)
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    public static TestHost InProcess(VigilFactory factory) => new FactoryHost(factory);

    public static TestHost OnKestrel(RunningServer server) => new KestrelHost(server);

    private sealed class FactoryHost(VigilFactory factory) : TestHost
    {
        public override IServiceProvider Services => factory.Services;

        public override HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        public override void Dispose()
        {
            factory.Dispose();
            base.Dispose();
        }
    }

    private sealed class KestrelHost(RunningServer server) : TestHost
    {
        public override IServiceProvider Services => server.Services;

        public override HttpClient NewClient() =>
            new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.Address };
    }
}
