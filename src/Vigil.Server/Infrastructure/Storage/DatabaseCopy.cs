using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Vigil.Data;

namespace Vigil.Server.Infrastructure.Storage;

/// <summary>
/// Copies every table of one Vigil database into another of the other provider, row for row: the same keys, leaf
/// indices, hashes and salts, the same times (to the microsecond, PostgreSQL's resolution; every time the log commits
/// to is already at microseconds). Rows pass through the model's entities, so each provider stores them in its own
/// form (SQLite's times as ticks, PostgreSQL's as timestamptz). The caller holds the target's transaction.
/// </summary>
public static class DatabaseCopy
{
    private const int BatchRows = 512;

    /// <summary>The tables in an order in which every row's foreign keys name rows already copied.</summary>
    public static IReadOnlyList<IEntityType> InsertionOrder(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => t.GetTableName() is not null).OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        while (placed.Count < types.Count)
        {
            var ready = types.Where(t => !placed.Contains(t)
                && t.GetForeignKeys().All(k => k.PrincipalEntityType == t || placed.Contains(k.PrincipalEntityType))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The model's foreign keys form a cycle; no copy order exists.");
            }
            ordered.AddRange(ready);
            placed.UnionWith(ready);
        }
        return ordered;
    }

    /// <summary>Rows in the table beyond those the migrations seed (the log's empty state row).</summary>
    public static async Task<long> RowsBeyondSeedAsync(VigilDbContext db, IEntityType type, CancellationToken cancellationToken) =>
        await CountAsync(db, type, cancellationToken) - SeedRows(db, type);

    // Seed data is kept only in the design-time model, not in the one a running context reads.
    private static int SeedRows(VigilDbContext db, IEntityType type) =>
        db.GetService<IDesignTimeModel>().Model.FindEntityType(type.ClrType)!.GetSeedData().Count();

    /// <summary>Copies one table in batches, in primary-key order, and returns how many rows it copied.</summary>
    public static Task<long> CopyTableAsync(VigilDbContext source, VigilDbContext target, IEntityType type, Action<long> copied, CancellationToken cancellationToken) =>
        (Task<long>)typeof(DatabaseCopy).GetMethod(nameof(CopyRowsAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type.ClrType).Invoke(null, [source, target, type, copied, cancellationToken])!;

    private static async Task<long> CopyRowsAsync<T>(VigilDbContext source, VigilDbContext target, IEntityType type, Action<long> copied, CancellationToken cancellationToken)
        where T : class
    {
        if (SeedRows(target, type) > 0)
        {
            // The migrations seeded it; the source's rows replace the seed.
            await ExecuteAsync(target, $"DELETE FROM {Table(target, type)}", cancellationToken);
        }
        IQueryable<T> rows = source.Set<T>().AsNoTracking().IgnoreQueryFilters();
        var key = type.FindPrimaryKey()!.Properties;
        var ordered = rows.OrderBy(r => EF.Property<object>(r, key[0].Name));
        foreach (var part in key.Skip(1))
        {
            ordered = ordered.ThenBy(r => EF.Property<object>(r, part.Name));
        }
        var batch = new List<T>(BatchRows);
        long count = 0;
        await foreach (var row in ordered.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            batch.Add(row);
            if (batch.Count == BatchRows)
            {
                count += await FlushAsync(target, batch, cancellationToken);
                copied(count);
            }
        }
        count += await FlushAsync(target, batch, cancellationToken);
        copied(count);
        return count;
    }

    private static async Task<int> FlushAsync<T>(VigilDbContext target, List<T> batch, CancellationToken cancellationToken)
        where T : class
    {
        await MultiRowInsert.InsertAsync(target, batch, cancellationToken);
        var count = batch.Count;
        batch.Clear();
        return count;
    }

    /// <summary>
    /// PostgreSQL's identity columns do not move when a row names its own id: each is set past the largest id copied,
    /// so the next row the server adds gets a new one. (SQLite takes its next id from the table itself.)
    /// </summary>
    public static async Task AdvanceIdentitiesAsync(VigilDbContext target, CancellationToken cancellationToken)
    {
        if (!target.Database.IsNpgsql())
        {
            return;
        }
        var sql = target.GetService<ISqlGenerationHelper>();
        foreach (var type in InsertionOrder(target.Model))
        {
            foreach (var property in type.GetProperties().Where(p => p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd
                && (p.ClrType == typeof(long) || p.ClrType == typeof(int))))
            {
                var column = property.GetColumnName(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()))!;
                var quoted = sql.DelimitIdentifier(column);
                await ExecuteAsync(target,
                    $"SELECT setval(pg_get_serial_sequence('{Table(target, type).Replace("'", "''", StringComparison.Ordinal)}', '{column}'), "
                    + $"COALESCE((SELECT MAX({quoted}) FROM {Table(target, type)}), 0) + 1, false)", cancellationToken);
            }
        }
    }

    private static async Task<long> CountAsync(VigilDbContext db, IEntityType type, CancellationToken cancellationToken)
    {
        await using var command = Command(db, $"SELECT COUNT(*) FROM {Table(db, type)}");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(VigilDbContext db, string text, CancellationToken cancellationToken)
    {
        await using var command = Command(db, text);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(VigilDbContext db, string text)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = text;
        return command;
    }

    private static string Table(VigilDbContext db, IEntityType type) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(type.GetTableName()!, type.GetSchema());
}
