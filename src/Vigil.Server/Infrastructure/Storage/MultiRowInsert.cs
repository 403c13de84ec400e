using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Vigil.Data;

namespace Vigil.Server.Infrastructure.Storage;

/// <summary>
/// Inserts many rows of one entity with <c>INSERT ... VALUES (...), (...)</c> statements in the context's current
/// transaction, bypassing change tracking. EF Core sends one INSERT per tracked row on SQLite; for rows that are only
/// ever inserted and are not read back through the tracker (the log's leaves and nodes), this is several times faster.
/// Table, columns and value conversions come from the EF model, so it works on every provider the model has.
/// </summary>
public static class MultiRowInsert
{
    // Small statements: each parameter is bound by looking its name up among all of the statement's, so binding costs
    // grow faster than the statement; of the sizes measured on SQLite (1 to 256 rows), 4 to 16 were the fastest.
    private const int RowsPerStatement = 16;

    public static async Task InsertAsync<T>(VigilDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Multi-row inserts need a transaction.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var properties = entity.GetProperties().ToList();
        var columns = properties.Select(p => new Column(p.GetGetter(), p.GetTypeMapping().Converter)).ToArray();
        var full = rows.Count / RowsPerStatement;

        // One command for every full statement (prepared once, bound again per statement), one for the remainder.
        await using (var command = CreateCommand(db, transaction, entity, properties, RowsPerStatement))
        {
            for (var statement = 0; statement < full; statement++)
            {
                await ExecuteAsync(command, columns, rows, statement * RowsPerStatement, RowsPerStatement, cancellationToken);
            }
        }
        var remainder = rows.Count - (full * RowsPerStatement);
        if (remainder > 0)
        {
            await using var command = CreateCommand(db, transaction, entity, properties, remainder);
            await ExecuteAsync(command, columns, rows, full * RowsPerStatement, remainder, cancellationToken);
        }
    }

    private static DbCommand CreateCommand(VigilDbContext db, DbTransaction transaction, IEntityType entity, List<IProperty> properties, int rowCount)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))).Append(") VALUES ");
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        for (var r = 0; r < rowCount; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < properties.Count; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = sql.GenerateParameterName(string.Create(CultureInfo.InvariantCulture, $"p{(r * properties.Count) + c}"));
                command.Parameters.Add(parameter);
                text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(parameter.ParameterName));
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        return command;
    }

    private static Task<int> ExecuteAsync<T>(DbCommand command, Column[] columns, IReadOnlyList<T> rows, int first, int count, CancellationToken cancellationToken)
        where T : class
    {
        for (var r = 0; r < count; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                command.Parameters[(r * columns.Length) + c].Value = columns[c].ProviderValue(rows[first + r]) ?? DBNull.Value;
            }
        }
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>How to read one column's value from an entity, converted as the provider stores it.</summary>
    private sealed record Column(IClrPropertyGetter Getter, ValueConverter? Converter)
    {
        public object? ProviderValue(object row)
        {
            var value = Getter.GetClrValue(row);
            return Converter is null ? value : Converter.ConvertToProvider(value);
        }
    }
}
