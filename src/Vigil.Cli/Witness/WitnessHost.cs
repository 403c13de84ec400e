using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Witnessing;

namespace Vigil.Cli.Witness;

/// <summary>The witness's own small web app: one endpoint, its key, its state directory. It shares nothing with the Vigil server.</summary>
public static class WitnessHost
{
    public static WebApplication Build(string urls, Ed25519CosignatureSigner key, IEnumerable<NoteVerifier> logKeys, WitnessState state, TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = AddCheckpointEndpoint.MaxBodyBytes);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(new CheckpointWitness(key, logKeys));
        var app = builder.Build();
        app.MapPost("/" + WitnessProtocol.AddCheckpointPath, AddCheckpointEndpoint.HandleAsync);
        return app;
    }
}
