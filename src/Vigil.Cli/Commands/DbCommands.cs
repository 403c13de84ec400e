using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Cli.Commands;

/// <summary>`vigil db migrate`: bring the configured database to this version's schema before a server starts on it.</summary>
public static class DbCommands
{
    public static Command Create(CliOutput io)
    {
        var db = new Command("db", "The database: migrate it ahead of a start, copy it to the other provider.");
        var migrate = new Command("migrate", "Create or upgrade the configured database (SQLite under ./data/ unless --Storage:... says otherwise) "
            + "and list what was applied; safe beside a starting server (they take the same lock).\n"
            + "Example: vigil db migrate --Storage:Provider=postgres --Storage:ConnectionString=\"Host=db;Database=vigil;Username=vigil\"")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        migrate.SetAction(async (parsed, cancellationToken) =>
        {
            var app = Program.BuildApp([.. parsed.UnmatchedTokens, "--FirstStart:CreateAdmin=false"]);
            var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            IReadOnlyList<string> before;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                before = await AppliedAsync(scope.ServiceProvider.GetRequiredService<VigilDbContext>(), cancellationToken);
            }
            await DatabaseStartup.MigrateAsync(app.Services, storage, cancellationToken);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var after = await AppliedAsync(scope.ServiceProvider.GetRequiredService<VigilDbContext>(), cancellationToken);
                var applied = after.Except(before).ToList();
                await io.Out.WriteLineAsync(applied.Count == 0
                    ? $"The {storage.Provider} database is up to date ({after.Count} migration{(after.Count == 1 ? "" : "s")})."
                    : $"Applied to the {storage.Provider} database: {string.Join(", ", applied)}.");
            }
            return ExitCodes.Ok;
        });
        db.Subcommands.Add(migrate);
        db.Subcommands.Add(DbCopyCommand.Create(io));
        return db;
    }

    private static async Task<IReadOnlyList<string>> AppliedAsync(VigilDbContext db, CancellationToken cancellationToken) =>
        [.. await db.Database.CanConnectAsync(cancellationToken) ? await db.Database.GetAppliedMigrationsAsync(cancellationToken) : []];
}
