using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Vigil.Domain.Incidents;

namespace Vigil.Domain.Tests.Incidents;

/// <summary>The "attachments" field of reports and updates: read strictly, and accumulated by the fold (issue 11, attachments).</summary>
public class AttachmentFieldTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly string HashA = new('a', 64), HashB = new('b', 64), HashC = new('c', 64);

    private static SubmissionRead Update(string json) => SubmissionReader.ReadUpdate(JsonDocument.Parse(json).RootElement, Now);

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    private static string[] Pointers(SubmissionRead read) => [.. read.Errors.Select(e => e.Pointer)];

    [Fact]
    public void A_report_and_an_update_may_name_uploaded_files_by_hash()
    {
        var report = SubmissionReader.ReadReport(JsonDocument.Parse($$"""
            {"title": "t", "category": "malicious-code", "description": "d", "detected_at": "2026-11-29T09:00:00Z",
             "attachments": [{"sha256": "{{HashA}}", "name": "capture.pcap"}, {"sha256": "{{HashB}}"}]}
            """).RootElement, Now);
        Assert.True(report.IsValid, string.Join("; ", report.Errors));
        Assert.Equal(2, report.Fields["attachments"]!.AsArray().Count);
        var update = Update($$"""{"narrative": "logs", "attachments": [{"sha256": "{{HashC}}", "name": "syslog (1).txt"}]}""");
        Assert.True(update.IsValid, string.Join("; ", update.Errors));
    }

    [Fact]
    public void Every_bad_reference_is_named()
    {
        var read = Update($$"""
            {"narrative": "n", "attachments": [
              {"sha256": "{{HashA.ToUpperInvariant()}}"},
              {"sha256": "{{HashB}}", "name": "../../etc/passwd"},
              {"sha256": "{{HashC}}", "name": "a\\b.txt"},
              {"sha256": "{{HashA[..63]}}"},
              {"name": "nameless.txt"},
              {"sha256": "{{HashB}}", "size": 3},
              {"sha256": "{{new string('1', 64)}}", "name": "line\nbreak"},
              {"sha256": "{{new string('d', 64)}}", "name": "{{new string('x', 256)}}"},
              {"sha256": "{{new string('e', 64)}}", "name": "invoice\u202Etxt.exe"},
              {"sha256": "{{new string('f', 64)}}", "name": ".."}
            ]}
            """);
        Assert.Equal(
            ["/attachments/0/sha256", "/attachments/1/name", "/attachments/2/name", "/attachments/3/sha256", "/attachments/4/sha256",
             "/attachments/5/sha256", "/attachments/5/size", "/attachments/6/name", "/attachments/7/name", "/attachments/8/name", "/attachments/9/name"],
            Pointers(read));
    }

    [Fact]
    public void Attachments_are_not_null_nor_declared_unknown()
    {
        Assert.Equal(["/attachments"], Pointers(Update("""{"narrative": "n", "attachments": null}""")));
        Assert.Equal(["/attachments"], Pointers(Update("""{"narrative": "n", "attachments": {"unknown": "later"}}""")));
    }

    [Theory]
    [InlineData("report.pdf", true)]
    [InlineData("Screenshot 2026-11-29 at 10.00.00.png", true)]
    [InlineData("जानकारी.txt", true)]
    [InlineData("", false)]
    [InlineData(".", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("tab\there", false)]
    [InlineData("nul\0byte", false)]
    [InlineData("zero\u200Bwidth", false)]
    public void File_names_are_one_plain_segment(string name, bool acceptable) =>
        Assert.Equal(acceptable, AttachmentReference.NameProblem(name) is null);

    [Fact]
    public void An_update_adds_attachments_and_never_removes_earlier_ones()
    {
        var (view, changes) = IncidentFold.Replay([
            Obj($$"""{"title": "t", "attachments": [{"sha256": "{{HashA}}", "name": "a.log"}]}"""),
            Obj($$"""{"narrative": "more", "attachments": [{"sha256": "{{HashB}}", "name": "b.png"}]}"""),
            Obj($$"""{"narrative": "again", "attachments": [{"sha256": "{{HashA}}", "name": "a-renamed.log"}]}"""),
        ]);
        Assert.Equal([HashA, HashB], view["attachments"]!.AsArray().Select(a => a!["sha256"]!.GetValue<string>()));
        Assert.Equal("a.log", view["attachments"]![0]!["name"]!.GetValue<string>());
        var added = Assert.Single(changes[1]);
        Assert.Single(added.Old!.AsArray());
        Assert.Equal(2, added.New!.AsArray().Count);
        Assert.Empty(changes[2]);
    }

    // Whatever order files are attached in, the view lists each hash once, in the order first attached.
    [Fact]
    public void The_view_lists_every_hash_attached_once_in_order_of_first_attachment() =>
        Gen.Int[0, 5].Array[0, 4].Array[1, 8].Sample(submissions =>
        {
            var contents = submissions.Select(hashes => new JsonObject
            {
                ["attachments"] = new JsonArray([.. hashes.Distinct().Select(h => (JsonNode)new JsonObject { ["sha256"] = new string((char)('a' + h), 64) })]),
            }).ToList();
            var listed = IncidentFold.Replay(contents).View["attachments"]?.AsArray().Select(a => a!["sha256"]!.GetValue<string>()).ToList() ?? [];
            var expected = submissions.SelectMany(h => h).Distinct().Select(h => new string((char)('a' + h), 64)).ToList();
            return listed.SequenceEqual(expected);
        });
}
