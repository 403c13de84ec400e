using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Features.Users;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Cli.Commands;

/// <summary>`vigil admin ...`: operator tasks on the local database, without a running server.</summary>
public static class AdminCommands
{
    public static Command Create(CliOutput io)
    {
        var admin = new Command("admin", "Operator tasks: on the local database (init, recover, rotate-ledger-key), and through the API (org, user, token).");
        var email = new Option<string>("--email")
        {
            Description = "The first administrator's e-mail; with --new-token, the administrator to issue it for.",
            DefaultValueFactory = _ => "admin@vigil.local",
        };
        var newToken = new Option<bool>("--new-token")
        {
            Description = "When users exist (a lost bootstrap token): issue a new one-day token for the enabled administrator --email names, "
                + "or, when no administrator is enabled, create --email as a recovery administrator. Printed once, on the record.",
        };
        var json = TokenJsonOption();
        var init = new Command("init", "Create the database and the first administrator, and print its one-time token.\nExample: vigil admin init --email admin@cert.example.org") { email, newToken, json };
        init.TreatUnmatchedTokensAsErrors = false;
        init.SetAction(async (parsed, cancellationToken) =>
        {
            // The same registrations as the server, so that storage settings (--Storage:..., environment) mean the same here.
            var app = Program.BuildApp([.. parsed.UnmatchedTokens, "--FirstStart:CreateAdmin=false"]);
            await DatabaseStartup.MigrateAsync(app.Services, app.Services.GetRequiredService<IOptions<StorageOptions>>().Value, cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            var created = await accounts.InitialiseAsync(parsed.GetValue(email)!, cancellationToken);
            if (created is { } first)
            {
                await io.Out.WriteLineAsync(parsed.GetValue(json)
                    ? TokenJson(first.Admin.Email, first.Token, first.ExpiresAt)
                    : FirstStart.BootstrapMessage(first.Admin.Email, first.Token, first.ExpiresAt));
                return ExitCodes.Ok;
            }
            if (!parsed.GetValue(newToken))
            {
                await io.Error.WriteLineAsync("Vigil is already initialised: users exist. Ask an administrator for a token, or, on this machine, "
                    + "issue a new administrator token (a lost bootstrap token) with: vigil admin init --new-token --email ADMIN-EMAIL");
                return ExitCodes.Rejected;
            }
            return await NewTokenAsync(io, accounts, parsed.GetValue(email)!, parsed.GetValue(json), cancellationToken);
        });
        admin.Subcommands.Add(init);
        admin.Subcommands.Add(Recover(io));
        admin.Subcommands.Add(RotateLedgerKey(io));
        admin.Subcommands.Add(AdminApiCommands.Organisations(io));
        admin.Subcommands.Add(AdminApiCommands.Users(io));
        admin.Subcommands.Add(AdminApiCommands.Tokens(io));
        return admin;
    }

    /// <summary>`admin init --new-token`: a recovery token for an enabled administrator, or a recovery administrator when none is enabled.</summary>
    private static async Task<int> NewTokenAsync(CliOutput io, UserAccounts accounts, string email, bool json, CancellationToken cancellationToken)
    {
        var by = UserAccounts.Recovery.OnThisMachine("vigil admin init --new-token");
        if (await accounts.RecoverAsync(email, by, cancellationToken) is { } issued)
        {
            await io.Out.WriteLineAsync(json ? TokenJson(email, issued) : RecoveryMessage(email, issued));
            return ExitCodes.Ok;
        }
        if (await accounts.CreateRecoveryAdminAsync(email, by, cancellationToken) is { } rescue)
        {
            if (json)
            {
                await io.Out.WriteLineAsync(TokenJson(rescue.Admin.Email, rescue.Token, recoveryAdministratorCreated: true));
                return ExitCodes.Ok;
            }
            await io.Out.WriteLineAsync($"No administrator was enabled: Vigil created {rescue.Admin.Email} as a recovery administrator.");
            await io.Out.WriteLineAsync(RecoveryMessage(rescue.Admin.Email, rescue.Token));
            return ExitCodes.Ok;
        }
        var admins = await accounts.EnabledAdminEmailsAsync(cancellationToken);
        await io.Error.WriteLineAsync(admins.Count == 0
            ? $"{email} is a user who is no enabled administrator, and no administrator is enabled: name a new e-mail for a recovery administrator."
            : $"There is no enabled administrator {email}. Enabled administrators: {string.Join(", ", admins)}.");
        return ExitCodes.Rejected;
    }

    private static Option<bool> TokenJsonOption() =>
        new("--json") { Description = "Print {\"email\", \"token\", \"expires_at\"} (the token shown this once)." };

    private static string TokenJson(string email, ApiTokens.Issued issued, bool recoveryAdministratorCreated = false) =>
        TokenJson(email, issued.Secret, issued.Entity.ExpiresAt!.Value, recoveryAdministratorCreated);

    private static string TokenJson(string email, string token, DateTimeOffset expiresAt, bool recoveryAdministratorCreated = false)
    {
        var said = new JsonObject { ["email"] = email, ["token"] = token, ["expires_at"] = expiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") };
        if (recoveryAdministratorCreated)
        {
            said["recovery_administrator_created"] = true;
        }
        return CliJson.Write(said);
    }

    private static string RecoveryMessage(string email, ApiTokens.Issued issued) => $"""
        A token for {email}, shown this once and valid until {issued.Entity.ExpiresAt!.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC:

            {issued.Secret}

        Its issue is on the record. Use it to set things right (a password reset, a second administrator), then revoke it.
        """;

    private static Command Recover(CliOutput io)
    {
        var email = new Option<string>("--email") { Description = "An enabled administrator's e-mail.", Required = true };
        var json = TokenJsonOption();
        var recover = new Command("recover", "Issue a one-day token for an administrator when none can sign in any more; it is on the record.\nExample: vigil admin recover --email admin@cert.example.org") { email, json };
        recover.TreatUnmatchedTokensAsErrors = false;
        recover.SetAction(async (parsed, cancellationToken) =>
        {
            var app = Program.BuildApp([.. parsed.UnmatchedTokens, "--FirstStart:CreateAdmin=false"]);
            await DatabaseStartup.MigrateAsync(app.Services, app.Services.GetRequiredService<IOptions<StorageOptions>>().Value, cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var issued = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
                .RecoverAsync(parsed.GetValue(email)!, UserAccounts.Recovery.OnThisMachine("vigil admin recover"), cancellationToken);
            if (issued is null)
            {
                await io.Error.WriteLineAsync($"There is no enabled administrator {parsed.GetValue(email)}.");
                return ExitCodes.Rejected;
            }
            await io.Out.WriteLineAsync(parsed.GetValue(json) ? TokenJson(parsed.GetValue(email)!, issued) : RecoveryMessage(parsed.GetValue(email)!, issued));
            return ExitCodes.Ok;
        });
        return recover;
    }

    private static Command RotateLedgerKey(CliOutput io)
    {
        var json = new Option<bool>("--json") { Description = "Print {\"verifier_key\"}: the new key's, to publish." };
        var rotate = new Command("rotate-ledger-key", "Replace the log's signing key; the old verifier key stays published so earlier checkpoints still verify. Restart the server afterwards.\nExample: vigil admin rotate-ledger-key")
        {
            json,
        };
        rotate.TreatUnmatchedTokensAsErrors = false;
        rotate.SetAction(async (parsed, cancellationToken) =>
        {
            var app = Program.BuildApp([.. parsed.UnmatchedTokens, "--FirstStart:CreateAdmin=false"]);
            var ledger = app.Services.GetRequiredService<IOptions<LedgerOptions>>().Value;
            if (ledger.Signer == "command")
            {
                await io.Error.WriteLineAsync("The log's key is held by an external signer (Ledger:Signer=command): make the new key there, "
                    + "add the old verifier key to Ledger:RetiredVerifierKeys, set Ledger:SignerPublicKey to the new public key, and restart.");
                return ExitCodes.Rejected;
            }
            var location = LedgerKeyLocation.Resolve(ledger, app.Services.GetRequiredService<IOptions<StorageOptions>>().Value);
            var keyFile = location.KeyFile;
            if (location.Warning is { } warning)
            {
                await io.Error.WriteLineAsync("warning: " + warning);
            }
            if (!File.Exists(keyFile))
            {
                await io.Error.WriteLineAsync($"There is no ledger key at {keyFile} to rotate.");
                return ExitCodes.LocalFile;
            }
            var verifierKey = LedgerKeys.Rotate(keyFile);
            if (parsed.GetValue(json))
            {
                await io.Out.WriteLineAsync(CliJson.Write(new JsonObject { ["verifier_key"] = verifierKey }));
                return ExitCodes.Ok;
            }
            await io.Out.WriteLineAsync("The log has a new signing key. Its verifier key (publish it; restart the server to use it):");
            await io.Out.WriteLineAsync(verifierKey);
            return ExitCodes.Ok;
        });
        return rotate;
    }
}
