using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
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
    // Small statements: binding a parameter costs more the more a statement has, so huge ones are slower, not faster.
    private const int RowsPerStatement = 64;

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
        var full = rows.Count / RowsPerStatement;

        // One command for every full statement (prepared once, bound again per statement), one for the remainder.
        await using (var command = CreateCommand(db, transaction, entity, properties, RowsPerStatement))
        {
            for (var statement = 0; statement < full; statement++)
            {
                await ExecuteAsync(command, properties, rows, statement * RowsPerStatement, RowsPerStatement, cancellationToken);
            }
        }
        var remainder = rows.Count - (full * RowsPerStatement);
        if (remainder > 0)
        {
            await using var command = CreateCommand(db, transaction, entity, properties, remainder);
            await ExecuteAsync(command, properties, rows, full * RowsPerStatement, remainder, cancellationToken);
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

    private static Task<int> ExecuteAsync<T>(DbCommand command, List<IProperty> properties, IReadOnlyList<T> rows, int first, int count, CancellationToken cancellationToken)
        where T : class
    {
        for (var r = 0; r < count; r++)
        {
            for (var c = 0; c < properties.Count; c++)
            {
                command.Parameters[(r * properties.Count) + c].Value = ProviderValue(properties[c], rows[first + r]) ?? DBNull.Value;
            }
        }
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static object? ProviderValue(IProperty property, object row)
    {
        var value = property.GetGetter().GetClrValue(row);
        var converter = property.GetTypeMapping().Converter;
        return converter is null ? value : converter.ConvertToProvider(value);
    }
}
