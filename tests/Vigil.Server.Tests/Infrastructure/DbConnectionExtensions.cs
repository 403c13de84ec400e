using System.Data.Common;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>Plain SQL against either provider, with @named parameters.</summary>
public static class DbConnectionExtensions
{
    public static DbCommand Command(this DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public static long Count(this DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static List<string> Strings(this DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}
