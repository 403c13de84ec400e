using Microsoft.Data.Sqlite;

// POST /api/v1/incidents stores the request body with one INSERT in its own transaction, in a WAL SQLite file with
// synchronous=FULL (a sync on every commit), and answers 201 only after the commit: a durable write and nothing else.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var path = builder.Configuration["Database"] ?? throw new InvalidOperationException("--Database=<file> is required");
var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
using (var setup = new SqliteConnection(connectionString))
{
    setup.Open();
    using var command = setup.CreateCommand();
    command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS reports (id INTEGER PRIMARY KEY, body TEXT NOT NULL, received_at TEXT NOT NULL);";
    command.ExecuteNonQuery();
}

var app = builder.Build();
app.MapGet("/healthz", () => "Healthy");
app.MapPost("/api/v1/incidents", async (HttpRequest request) =>
{
    using var reader = new StreamReader(request.Body);
    var body = await reader.ReadToEndAsync();
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using (var pragma = connection.CreateCommand())
    {
        pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
        await pragma.ExecuteNonQueryAsync();
    }
    await using var transaction = connection.BeginTransaction(deferred: false);
    await using var insert = connection.CreateCommand();
    insert.CommandText = "INSERT INTO reports (body, received_at) VALUES ($body, $at) RETURNING id";
    insert.Parameters.AddWithValue("$body", body);
    insert.Parameters.AddWithValue("$at", TimeProvider.System.GetUtcNow().ToString("O"));
    var id = (long)(await insert.ExecuteScalarAsync())!;
    await transaction.CommitAsync();
    return Results.Text($"{{\"id\":{id}}}", "application/json", statusCode: 201);
});
app.Run();
