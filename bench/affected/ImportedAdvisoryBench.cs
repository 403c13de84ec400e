using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Domain.Exposure;
using Vigil.Server.Features.Affected;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Bench.Affected;

/// <summary>
/// "Am I affected?" against imported CSAF advisories, through the server's own services on a real SQLite file: the
/// advisories stored as the import stores them, then <see cref="ExposureCheck"/> (every source, then the matcher) run
/// as a request runs it, in a fresh scope each time. The first check reads and parses the documents; later ones are
/// what a server answers between imports.
/// </summary>
internal static class ImportedAdvisoryBench
{
    public static async Task RunAsync(string[] args)
    {
        var advisoryCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var componentCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var directory = Directory.CreateTempSubdirectory("vigil-bench-affected-").FullName;
        try
        {
            var app = Program.BuildApp([$"--Storage:DataDirectory={directory}", "--FirstStart:CreateAdmin=false", "--Logging:LogLevel:Default=Warning"]);
            await using (app)
            {
                await DatabaseStartup.MigrateAsync(app.Services, app.Services.GetRequiredService<IOptions<StorageOptions>>().Value, CancellationToken.None);
                var (rows, storedBytes) = await StoreAsync(app.Services, advisoryCount);
                var components = Enumerable.Range(0, componentCount).Select(i => BenchAdvisories.Component(i, advisoryCount)).ToList();
                var analyst = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Analyst)], "bench"));
                var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

                var before = GC.GetTotalMemory(forceFullCollection: true);
                var (coldMs, coldAnswer) = await CheckAsync(app.Services, analyst, components);
                var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
                var warm = new List<long>();
                for (var run = 0; run < 5; run++)
                {
                    warm.Add((await CheckAsync(app.Services, analyst, components)).Ms);
                }
                var (otherAudienceMs, _) = await CheckAsync(app.Services, anonymous, components);
                warm.Sort();
                var sourceRuns = new List<double>();
                for (var run = 0; run < 5; run++)
                {
                    sourceRuns.Add(await LoadAsync(app.Services, analyst));
                }
                sourceRuns.Sort();

                Console.WriteLine("| advisories (rows) | components | first check (ms) | later checks, median of 5 (ms) | first check, another audience (ms) | of a later check, the source alone (ms) | documents checked | affecting | matches | documents stored (MB) | retained after first check (MB) |");
                Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {advisoryCount:N0} ({rows:N0}) | {componentCount:N0} | {coldMs:N0} | {warm[2]:N0} | {otherAudienceMs:N0} | {sourceRuns[2]:N1} | {coldAnswer.DocumentsChecked:N0} | {coldAnswer.Documents.Count:N0} | {coldAnswer.Documents.Sum(d => d.Matches.Count):N0} | {storedBytes / 1048576.0:N1} | {retained / 1048576.0:N1} |"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(int Rows, long Bytes)> StoreAsync(IServiceProvider services, int advisoryCount)
    {
        var importedAt = DateTimeOffset.UnixEpoch;
        var rows = 0;
        var bytes = 0L;
        foreach (var chunk in Enumerable.Range(0, advisoryCount).Chunk(1000))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            var batch = chunk.SelectMany(n => BenchAdvisories.Rows(n, importedAt)).ToList();
            db.ImportedAdvisories.AddRange(batch);
            await db.SaveChangesAsync();
            rows += batch.Count;
            bytes += batch.Sum(a => (long)a.Content.Length);
        }
        return (rows, bytes);
    }

    /// <summary>The imported advisories' source alone, as a request calls it before matching: its database check and cache.</summary>
    private static async Task<double> LoadAsync(IServiceProvider services, ClaimsPrincipal user)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetServices<IAffectedProductSource>().OfType<ImportedAdvisorySource>().Single().LoadAsync(user, CancellationToken.None);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<(long Ms, AffectedResponse Answer)> CheckAsync(IServiceProvider services, ClaimsPrincipal user, IReadOnlyList<InventoryComponent> components)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var answer = await scope.ServiceProvider.GetRequiredService<ExposureCheck>().CheckAsync(user, components, CancellationToken.None);
        return (clock.ElapsedMilliseconds, answer);
    }
}
