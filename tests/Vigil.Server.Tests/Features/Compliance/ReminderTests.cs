using Microsoft.Extensions.Time.Testing;
using Vigil.Server.Features.Reminders;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Compliance;

/// <summary>Reminders 2 h and 30 min before a due time and once overdue, each exactly once, across a restart.</summary>
public sealed class ReminderTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("vigil-reminders-").FullName;

    // CERT-In's report on an incident noticed at 09:00 IST is due at 15:00 IST (09:30 UTC); the server starts at 06:00 UTC.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero));

    private static async Task<string[]> RemindersAsync(HttpClient client) =>
        [.. (await client.GetNodeAsync("/api/v1/reminders"))["items"]!.AsArray()
            .Select(r => $"{r!["subject"]} {r["kind"]} {r["lead"]} {r["due_at"]}").Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Each_reminder_is_raised_exactly_once_including_across_a_restart()
    {
        const string Due = "2026-11-29T09:30:00+00:00";
        string token;
        using (var first = new SharedDataVigilFactory(_data, _clock))
        {
            var reporter = await first.CreateActorAsync(Roles.Reporter);
            token = reporter.Token;
            // An empty filed_as: this first notice says it files no stage yet, so CERT-In's report is still owed.
            await reporter.Client.FileAsync(Api.Report(extra: "\"regimes\": [\"in-cert-in-2022\"], \"filed_as\": []"));
            Assert.Equal(0, await ReminderRaiser.RaiseDueAsync(first.Services, CancellationToken.None));

            _clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 7, 31, 0, TimeSpan.Zero));
            await ReminderRaiser.RaiseDueAsync(first.Services, CancellationToken.None);
            Assert.Equal(0, await ReminderRaiser.RaiseDueAsync(first.Services, CancellationToken.None));
            Assert.Equal([$"in-cert-in-2022/incident_report due_soon PT2H {Due}"], await RemindersAsync(reporter.Client));
        }

        // A restart on the same database file: what was raised stays raised, and is not raised again.
        using var second = new SharedDataVigilFactory(_data, _clock);
        var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(0, await ReminderRaiser.RaiseDueAsync(second.Services, CancellationToken.None));

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 9, 1, 0, TimeSpan.Zero));
        await ReminderRaiser.RaiseDueAsync(second.Services, CancellationToken.None);
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 9, 31, 0, TimeSpan.Zero));
        // The background service raises the overdue reminder by itself within its interval.
        for (var i = 0; i < 100 && (await RemindersAsync(client)).Length < 3; i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(0, await ReminderRaiser.RaiseDueAsync(second.Services, CancellationToken.None));
        Assert.Equal(
        [
            $"in-cert-in-2022/incident_report due_soon PT2H {Due}",
            $"in-cert-in-2022/incident_report due_soon PT30M {Due}",
            $"in-cert-in-2022/incident_report overdue  {Due}",
        ], await RemindersAsync(client));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
