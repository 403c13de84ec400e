using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Vigil.Server.Features.Home;

/// <summary>
/// Once the server listens, says where its pages and its API reference are, at the addresses it actually listens on
/// (a port of 0 or a second address is known only then).
/// </summary>
public sealed partial class StartAddresses(IServer server, IHostApplicationLifetime lifetime, ILogger<StartAddresses> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        // A host without a network server (the in-process test server) has no addresses to give.
        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            var root = address.TrimEnd('/');
            LogPages(logger, root + "/", root + "/sign-in");
            LogApi(logger, root + "/docs", root + "/openapi/v1.json");
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Vigil's pages:\n  Home page: {Home}\n  Sign in: {SignIn}")]
    private static partial void LogPages(ILogger logger, string home, string signIn);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Vigil's API:\n  API reference: {Reference}\n  OpenAPI document: {Document}")]
    private static partial void LogApi(ILogger logger, string reference, string document);
}
