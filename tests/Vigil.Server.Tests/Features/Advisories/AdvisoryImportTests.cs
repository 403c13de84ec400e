using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Advisories;

public sealed class AdvisoryImportOnSqliteTests(VigilFactory factory) : AdvisoryImportTests<VigilFactory>(factory);

public sealed class AdvisoryImportOnPostgresTests(PostgresVigilFactory factory) : AdvisoryImportTests<PostgresVigilFactory>(factory);

public abstract class AdvisoryImportTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task A_valid_document_nested_deeper_than_other_requests_may_be_imports()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var bytes = Aggregation.StaticCsafProvider.DeepDocumentIn(Aggregation.StaticCsafProvider.ExampleNamespace, "SP-DEEP-IMPORT-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant());

        var response = await ImportAsync(analyst.Client, bytes);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_official_examples_import_byte_exact_with_their_hash_and_are_listed_with_their_publisher()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var hashes = new List<string>();
        foreach (var file in CsafFiles.OfficialExamples)
        {
            var bytes = await File.ReadAllBytesAsync(file);

            var response = await ImportAsync(analyst.Client, bytes);

            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{Path.GetFileName(file)}: {await response.Content.ReadAsStringAsync()}");
            var advisory = await response.JsonAsync();
            hashes.Add(Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(hashes[^1], advisory["sha256"]!.GetValue<string>());
            Assert.Equal("imported", advisory["source"]!.GetValue<string>());
            var stored = await analyst.Client.GetByteArrayAsync(advisory["document_url"]!.GetValue<string>());
            Assert.Equal(bytes, stored);
        }

        var list = (await analyst.Client.GetNodeAsync("/api/v1/advisories")).AsArray();
        Assert.Equal(19, hashes.Count);
        Assert.Subset(list.Select(a => a!["sha256"]!.GetValue<string>()).ToHashSet(), hashes.ToHashSet());
        var bsi = Assert.Single(list, a => a!["tracking_id"]!.GetValue<string>() == "BSI-2022-0001");
        Assert.Equal("CVRF-CSAF-Converter: XML External Entities Vulnerability", bsi!["title"]!.GetValue<string>());
        Assert.Equal("Bundesamt für Sicherheit in der Informationstechnik", bsi["publisher"]!["name"]!.GetValue<string>());
        Assert.Equal("coordinator", bsi["publisher"]!["category"]!.GetValue<string>());
        Assert.Equal("CLEAR", bsi["tlp"]!.GetValue<string>());
        Assert.All(list, a => Assert.False(string.IsNullOrEmpty(a!["publisher"]!["name"]!.GetValue<string>())));
        Assert.Empty((await analyst.Client.GetNodeAsync("/api/v1/notes")).AsArray());
    }

    [Fact]
    public async Task A_document_failing_a_mandatory_test_is_refused_with_each_test_number_and_path()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);

        var response = await ImportAsync(analyst.Client, await File.ReadAllBytesAsync(CsafFiles.Broken("6.1.7")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("urn:vigil:problem:invalid-csaf", problem["type"]!.GetValue<string>());
        var error = Assert.Single(problem["errors"]!.AsArray());
        Assert.Equal("6.1.7", error!["test"]!.GetValue<string>());
        Assert.Equal("/vulnerabilities/0/scores/1", error["pointer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Several_failures_are_each_named()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);

        var response = await ImportAsync(analyst.Client, await File.ReadAllBytesAsync(CsafFiles.Broken("6.1.20")));

        var problem = await response.JsonAsync();
        var tests = problem["errors"]!.AsArray().Select(e => e!["test"]!.GetValue<string>()).ToList();
        Assert.Equal(["6.1.16", "6.1.17", "6.1.20"], tests);
        Assert.Contains("6.1.20", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_bytes_import_once()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        // Bytes of its own: the other tests of this class import the starting document too.
        var bytes = Encoding.UTF8.GetBytes((await File.ReadAllTextAsync(CsafFiles.Broken("valid"))).Replace("EXAMPLE-BROKEN", "EXAMPLE-ONCE", StringComparison.Ordinal));

        var first = await ImportAsync(analyst.Client, bytes);
        var second = await ImportAsync(analyst.Client, bytes);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await first.JsonAsync())["id"]!.GetValue<long>(), (await second.JsonAsync())["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Only_analysts_import_and_unlabelled_documents_stay_with_the_cert()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var bytes = await File.ReadAllBytesAsync(CsafFiles.Broken("valid"));

        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(reporter.Client, bytes)).StatusCode);
        var advisory = await (await ImportAsync(analyst.Client, bytes)).JsonAsync();
        Assert.Equal("AMBER", advisory["tlp"]!.GetValue<string>());
        var id = advisory["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.Client.GetAsync($"/api/v1/advisories/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/v1/advisories/{id}/document")).StatusCode);
    }

    // Issue 14, test 6.1.10: the TC's documents for optional test 6.2.19 give JSON values for metrics their vectors leave
    // out (modified impacts, targetDistribution); they pass every mandatory test and import. The TC's 6.1.10 failing
    // example is still refused, naming 6.1.10.
    [Theory]
    [InlineData("oasis_csaf_tc-csaf_2_0-2021-6-2-19-02.json")]
    [InlineData("oasis_csaf_tc-csaf_2_0-2021-6-2-19-03.json")]
    [InlineData("oasis_csaf_tc-csaf_2_0-2021-6-2-19-06.json")]
    [InlineData("oasis_csaf_tc-csaf_2_0-2021-6-2-19-12.json")]
    [InlineData("oasis_csaf_tc-csaf_2_0-2021-6-2-19-13.json")]
    [InlineData("oasis_csaf_tc-csaf_2_0-2021-6-2-19-16.json")]
    public async Task A_metric_absent_from_the_vector_does_not_refuse_an_import(string file)
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);

        var response = await ImportAsync(analyst.Client, await File.ReadAllBytesAsync(CsafFiles.OasisTestData(file)));

        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_tc_inconsistent_cvss_example_is_refused_naming_6_1_10()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);

        var response = await ImportAsync(analyst.Client, await File.ReadAllBytesAsync(CsafFiles.OasisTestData("OASIS_CSAF_TC-CSAF_2_0-2021-6-1-10-01.json")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var tests = (await response.JsonAsync())["errors"]!.AsArray().Select(e => e!["test"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(["6.1.10"], tests);
    }

    // Issue 14: an imported advisory's severity is its document's: the highest CVSS base severity of its scores, else
    // its aggregate severity (official examples: Cisco's scores CRITICAL; Red Hat's RHSA-2021:5217 has no score and
    // the aggregate "Important"). It is in the import's answer, the advisory's and the list's.
    [Theory]
    [InlineData("cisco-sa-20180328-smi2.json", "critical")]
    [InlineData("rhsa-2021_5217.json", "Important")]
    public async Task An_imported_advisory_has_the_severity_its_document_gives(string file, string severity)
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        // A line feed after the example makes other bytes, so that the class's other tests still import the example itself.
        byte[] bytes = [.. await File.ReadAllBytesAsync(CsafFiles.OfficialExamples.Single(f => Path.GetFileName(f) == file)), (byte)'\n'];

        var imported = await (await ImportAsync(analyst.Client, bytes)).JsonAsync();

        Assert.Equal(severity, imported["severity"]?.GetValue<string>());
        var id = imported["id"]!.GetValue<long>();
        Assert.Equal(severity, (await analyst.Client.GetNodeAsync($"/api/v1/advisories/{id}"))["severity"]?.GetValue<string>());
        var listed = (await analyst.Client.GetNodeAsync("/api/v1/advisories")).AsArray().Single(a => a!["id"]!.GetValue<long>() == id)!;
        Assert.Equal(severity, listed["severity"]?.GetValue<string>());
    }

    public static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return client.PostAsync("/api/v1/advisories/import", content);
    }
}
