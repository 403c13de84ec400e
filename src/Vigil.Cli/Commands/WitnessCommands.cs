using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vigil.Cli.Witness;
using Vigil.Ledger.Notes;

namespace Vigil.Cli.Commands;

/// <summary>`vigil witness serve`: a minimal C2SP tlog-witness that a partner organisation runs to cosign a Vigil log's checkpoints.</summary>
public static class WitnessCommands
{
    public static Command Create(CliOutput io)
    {
        var key = new Option<string>("--key") { Description = "The witness's secret key file; created (owner-only) when missing.", Required = true };
        var name = new Option<string?>("--name") { Description = "The witness's name, e.g. witness.ministry.example; needed only to create the key." };
        var logKeys = new Option<string[]>("--log-key")
        {
            Description = "A log's verifier key (as published at /ledger/key), or a file holding it; repeat for more logs or retired keys.",
            Required = true,
        };
        var state = new Option<string>("--state") { Description = "The directory where the witness keeps the latest checkpoint of each log.", Required = true };
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5090" };
        var serve = new Command("serve", "Cosign checkpoints of the given logs that are consistent with what this witness saw before (POST /add-checkpoint).\nExample: vigil witness serve --key witness.key --log-key VKEY --state ./witness")
        {
            key, name, logKeys, state, urls,
        };
        serve.SetAction(async (parsed, cancellationToken) =>
        {
            var clock = TimeProvider.System;
            List<NoteVerifier> verifiers;
            try
            {
                verifiers = [.. parsed.GetValue(logKeys)!.SelectMany(k => File.Exists(k) ? File.ReadAllLines(k) : [k])
                    .Select(k => k.Trim()).Where(k => k.Length > 0).Select(NoteVerifier.Parse)];
            }
            catch (FormatException e)
            {
                await io.Error.WriteLineAsync($"--log-key: not a verifier key: {e.Message}");
                return ExitCodes.Usage;
            }
            Ed25519CosignatureSigner signer;
            try
            {
                signer = WitnessKeyFile.LoadOrCreate(parsed.GetValue(key)!, parsed.GetValue(name), clock);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                await io.Error.WriteLineAsync("--key: " + e.Message);
                return ExitCodes.Usage;
            }
            catch (IOException e)
            {
                await io.Error.WriteLineAsync($"Cannot read or create the key file: {e.Message}");
                return ExitCodes.LocalFile;
            }
            using (signer)
            {
                return await ServeAsync(io, signer, verifiers, parsed.GetValue(state)!, parsed.GetValue(urls)!, clock, cancellationToken);
            }
        });
        var witness = new Command("witness", "Run a witness that cosigns transparency-log checkpoints.");
        witness.Subcommands.Add(serve);
        return witness;
    }

    private static async Task<int> ServeAsync(CliOutput io, Ed25519CosignatureSigner signer, List<NoteVerifier> verifiers, string stateDirectory,
        string urls, TimeProvider clock, CancellationToken cancellationToken)
    {
        WitnessState state;
        try
        {
            state = new WitnessState(stateDirectory);
        }
        catch (IOException e)
        {
            await io.Error.WriteLineAsync(e.Message);
            return ExitCodes.LocalFile;
        }
        using (state)
        {
            await using var app = WitnessHost.Build(urls, signer, verifiers, state, clock);
            await app.StartAsync(cancellationToken);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            await io.Out.WriteLineAsync($"witness {signer.Name}");
            await io.Out.WriteLineAsync($"verifier key: {signer.CreateVerifier().VerifierKey}");
            await io.Out.WriteLineAsync($"following: {string.Join(", ", verifiers.Select(v => v.Name).Distinct())}");
            await io.Out.WriteLineAsync($"listening on {string.Join(" ", addresses)}");
            await io.Out.FlushAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        }
    }
}
