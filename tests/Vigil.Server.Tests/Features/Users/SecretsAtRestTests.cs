using System.Data.Common;
using System.Net;
using System.Text;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Users;

public sealed class SecretsAtRestOnSqliteTests(VigilFactory factory) : SecretsAtRestTests<VigilFactory>(factory);

public sealed class SecretsAtRestOnPostgresTests(PostgresVigilFactory factory) : SecretsAtRestTests<PostgresVigilFactory>(factory);

/// <summary>
/// Finding "Secrets at rest": a token issued through POST /users/{id}/tokens with an Idempotency-Key was kept in
/// plain text in the idempotency table for 24 hours, to be replayed. An answer that carries a secret is now never
/// stored; a retry is told what was created instead.
/// </summary>
public abstract class SecretsAtRestTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task A_token_issued_with_an_idempotency_key_is_stored_nowhere_and_a_retry_names_it_without_showing_it()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        const string Body = """{"name": "incident desk"}""";

        var issued = await admin.Client.PostJsonAsync($"/api/v1/users/{reporter.UserId}/tokens", Body, "token-for-the-desk");
        var retry = await admin.Client.PostJsonAsync($"/api/v1/users/{reporter.UserId}/tokens", Body, "token-for-the-desk");

        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var answer = await issued.JsonAsync();
        var token = answer["token"]!.GetValue<string>();
        var id = answer["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        var problem = await retry.JsonAsync();
        Assert.Equal("urn:vigil:problem:secret-shown-once", problem["type"]!.GetValue<string>());
        Assert.Equal($"/api/v1/tokens/{id}", problem["resource"]!.GetValue<string>());
        Assert.Contains(id, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(token, await retry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The retry issued nothing more: the reporter has its own token and this one.
        Assert.Equal(2, (await admin.Client.GetNodeAsync($"/api/v1/users/{reporter.UserId}/tokens")).AsArray().Count);

        await using var db = factory.OpenDatabase();
        Assert.Empty(TextColumnsHolding(db, token));
        Assert.Empty(TextColumnsHolding(db, token[ApiTokens.Marker.Length..]));
        if (db is Microsoft.Data.Sqlite.SqliteConnection)
        {
            using (var checkpoint = db.Command("PRAGMA wal_checkpoint(TRUNCATE);"))
            {
                checkpoint.ExecuteNonQuery();
            }
            var bytes = await File.ReadAllBytesAsync(factory.DatabasePath);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(token[ApiTokens.Marker.Length..])));
        }
    }

    [Fact]
    public async Task Other_answers_are_still_replayed_as_they_were()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var body = $$"""{"email": "replayed-{{Guid.NewGuid():N}}@example.org", "role": "analyst"}""";

        var first = await admin.Client.PostJsonAsync("/api/v1/users", body, "create-analyst");
        var again = await admin.Client.PostJsonAsync("/api/v1/users", body, "create-analyst");

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
    }

    /// <summary>"table.column" for every text column, in every table, with a value that contains <paramref name="secret"/>.</summary>
    private static List<string> TextColumnsHolding(DbConnection db, string secret)
    {
        var sqlite = db is Microsoft.Data.Sqlite.SqliteConnection;
        var columns = new List<(string Table, string Column)>();
        using (var list = db.Command(sqlite
            ? "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND (p.type = 'TEXT' OR p.type = '')"
            : "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json')"))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        Assert.Contains(columns, c => c.Table == "idempotency_records" && c.Column == "response_body");
        var find = sqlite ? "instr(\"{1}\", @secret) > 0" : "strpos(\"{1}\"::text, @secret) > 0";
        return [.. columns.Where(c => db.Count($"SELECT COUNT(*) FROM \"{c.Table}\" WHERE " + string.Format(System.Globalization.CultureInfo.InvariantCulture, find, c.Table, c.Column), ("secret", secret)) > 0)
            .Select(c => $"{c.Table}.{c.Column}")];
    }
}
