using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Security;

/// <summary>How many rows each table of the model holds, and how large the log is: two equal censuses mean nothing was written.</summary>
public static class DatabaseCensus
{
    public static async Task<IReadOnlyDictionary<string, long>> TakeAsync(VigilFactory factory)
    {
        // Events go on the log without a checkpoint of their own; the signer's next tick would then add one. Sign it
        // now, so that a census taken later differs only if something was written in between.
        await CheckpointSigner.SignIfGrownAsync(factory.Services, CancellationToken.None);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            var sql = db.GetService<ISqlGenerationHelper>();
            var tables = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null)
                .Select(e => (Name: e.GetTableName()!, Schema: e.GetSchema())).Distinct();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var (name, schema) in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM {sql.DelimitIdentifier(name, schema)}";
                counts[name] = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            }
        }
        var checkpoint = await factory.CreateClient().GetStringAsync("/ledger/checkpoint");
        counts["(log size in the latest checkpoint)"] = long.Parse(checkpoint.Split('\n')[1], CultureInfo.InvariantCulture);
        return counts;
    }
}
