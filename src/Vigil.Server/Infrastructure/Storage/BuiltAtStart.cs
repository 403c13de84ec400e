namespace Vigil.Server.Infrastructure.Storage;

/// <summary>
/// Builds a singleton while the host starts, so that what its constructor checks (a key file only its owner may
/// read) stops the start, naming the problem, instead of failing a request or a background job later.
/// </summary>
public sealed class BuiltAtStart<T>(IServiceProvider services) : IHostedService where T : notnull
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<T>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
