using Microsoft.AspNetCore.Builder;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Affected;

/// <summary>
/// Two servers on one database, each keeping imported advisories parsed between queries: what is imported through
/// one is answered by the other on its next query, though the other's kept answer predates it.
/// </summary>
public sealed class ImportedAdvisorySharedDatabaseTests
{
    private static readonly (string, string) First = ("1.0.0", "2019-05-17T10:00:00.000Z");
    private static readonly (string, string) Second = ("2.0.0", "2019-06-03T08:00:00.000Z");

    [Fact]
    public Task An_import_through_one_server_is_answered_by_another_sharing_the_postgresql_database() => SharedStorage.OnPostgresAsync(TwoServersAsync);

    [Fact]
    public Task An_import_through_one_server_is_answered_by_another_sharing_the_sqlite_file() => SharedStorage.OnSqliteFileAsync(TwoServersAsync);

    private static async Task TwoServersAsync(string[] storage)
    {
        string[] common = ["--urls", "http://127.0.0.1:0", "--FirstStart:CreateAdmin=false", .. storage];
        await using var importing = Program.BuildApp(common);
        await importing.StartAsync();
        await using var answering = Program.BuildApp(common);
        await answering.StartAsync();
        var analyst = await Seed.UserAsync(importing.Services, Roles.Analyst);
        var reporter = await Seed.UserAsync(importing.Services, Roles.Reporter);
        using var importer = RunningServer.ClientFor(importing, analyst.Token);
        using var asking = RunningServer.ClientFor(answering, reporter.Token);
        using var staff = RunningServer.ClientFor(answering, analyst.Token);

        var first = await CacheAnswers.ImportAsync(importer, CsafSamples.WhatsApp2019Revision("EXCERT-SHARED", "WHITE", androidAffected: true, First));
        foreach (var client in new[] { asking, staff, asking, staff })
        {
            Assert.Equal(("1.0.0", $"/api/v1/advisories/{first}"), CacheAnswers.VersionAndLink(await CacheAnswers.CheckAsync(client), "EXCERT-SHARED"));
            Assert.Null(CacheAnswers.Answering(await CacheAnswers.CheckAsync(client), "EXCERT-SHARED-NEW"));
        }

        var added = await CacheAnswers.ImportAsync(importer, CsafSamples.WhatsApp2019Revision("EXCERT-SHARED-NEW", "WHITE", androidAffected: true, First));
        var second = await CacheAnswers.ImportAsync(importer, CsafSamples.WhatsApp2019Revision("EXCERT-SHARED", "WHITE", androidAffected: true, First, Second));

        foreach (var client in new[] { asking, staff })
        {
            var answer = await CacheAnswers.CheckAsync(client);
            Assert.Equal(("1.0.0", $"/api/v1/advisories/{added}"), CacheAnswers.VersionAndLink(answer, "EXCERT-SHARED-NEW"));
            Assert.Equal(("2.0.0", $"/api/v1/advisories/{second}"), CacheAnswers.VersionAndLink(answer, "EXCERT-SHARED"));
        }
        await importing.StopAsync();
        await answering.StopAsync();
    }
}
