using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Notes;

namespace Vigil.Csaf.Writing;

/// <summary>
/// Writes a published note as a CSAF 2.0 <c>csaf_security_advisory</c>: the tracking id is the note's id, the
/// revision history is the note's revisions, the status is final. A withdrawn note keeps its content and says
/// why it was withdrawn in a document note (CSAF 2.0 has no withdrawn status). The same note and history always
/// give the same bytes, so hashes and signatures stay valid until the next revision.
/// </summary>
public sealed class CsafDocumentBuilder(CsafPublisher publisher, CsafLocations locations)
{
    /// <summary>The CSAF 2.0 JSON schema the documents follow, as feeds and metadata name it.</summary>
    public const string SchemaUrl = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The document as the directory serves it: indented UTF-8 JSON, the same bytes for the same note and history.</summary>
    public byte[] Serialize(CsafSource source) => JsonSerializer.SerializeToUtf8Bytes(Build(source), Indented);

    /// <summary>The document as a JSON object.</summary>
    public JsonObject Build(CsafSource source)
    {
        var content = source.Content;
        var products = new CsafProductTree(content.Products);
        var document = new JsonObject
        {
            ["acknowledgments"] = Acknowledgments(content),
            ["aggregate_severity"] = new JsonObject { ["text"] = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(content.Severity) },
            ["category"] = "csaf_security_advisory",
            ["csaf_version"] = "2.0",
            ["distribution"] = new JsonObject
            {
                ["text"] = $"TLP:{content.Tlp} (FIRST TLP 2.0).",
                ["tlp"] = new JsonObject { ["label"] = CsafLocations.CsafTlp(content.Tlp), ["url"] = "https://www.first.org/tlp/" },
            },
            ["lang"] = "en",
            ["notes"] = DocumentNotes(source),
            ["publisher"] = new JsonObject
            {
                ["category"] = "coordinator",
                ["contact_details"] = $"mailto:{publisher.ContactEmail}",
                ["name"] = publisher.Name,
                ["namespace"] = publisher.Namespace,
            },
            ["references"] = References(source),
            ["title"] = content.Title,
            ["tracking"] = Tracking(source),
        };
        if (content.Acknowledgments.Count == 0)
        {
            document.Remove("acknowledgments");
        }
        return new JsonObject
        {
            ["document"] = document,
            ["product_tree"] = products.Tree,
            ["vulnerabilities"] = CsafVulnerabilities.Build(content, products),
        };
    }

    private static JsonArray DocumentNotes(CsafSource source)
    {
        var notes = new JsonArray();
        if (source.IsWithdrawn)
        {
            notes.Add(CsafVulnerabilities.Note("general", "Withdrawn", source.WithdrawalReason!));
        }
        notes.Add(CsafVulnerabilities.Note("summary", "Summary", source.Content.Summary));
        notes.Add(CsafVulnerabilities.Note("general", "Countermeasures", source.Content.Countermeasures));
        if (source.Content.Workarounds is not null)
        {
            notes.Add(CsafVulnerabilities.Note("general", "Workarounds", source.Content.Workarounds));
        }
        return notes;
    }

    private JsonArray References(CsafSource source)
    {
        var self = locations.Absolute(CsafLocations.DocumentPath(source.Content.Tlp, source.NoteId, source.InitialRelease));
        var references = new JsonArray(
            new JsonObject { ["category"] = "self", ["summary"] = "This advisory as CSAF", ["url"] = self },
            new JsonObject { ["category"] = "self", ["summary"] = "This advisory for people", ["url"] = locations.Absolute($"/notes/{source.NoteId}") });
        foreach (var reference in source.Content.References)
        {
            references.Add(new JsonObject { ["category"] = "external", ["summary"] = reference.Summary, ["url"] = reference.Url });
        }
        return references;
    }

    private static JsonArray Acknowledgments(NoteContent content) =>
    [
        .. content.Acknowledgments.Select(a =>
        {
            var acknowledgment = new JsonObject();
            if (a.Names.Count > 0)
            {
                acknowledgment["names"] = new JsonArray([.. a.Names.Select(n => (JsonNode)n)]);
            }
            if (a.Organization is not null)
            {
                acknowledgment["organization"] = a.Organization;
            }
            if (a.Summary is not null)
            {
                acknowledgment["summary"] = a.Summary;
            }
            return (JsonNode)acknowledgment;
        }),
    ];

    private static JsonObject Tracking(CsafSource source) => new()
    {
        ["current_release_date"] = CsafTime(source.CurrentRelease),
        ["generator"] = new JsonObject { ["date"] = CsafTime(source.CurrentRelease), ["engine"] = new JsonObject { ["name"] = "Vigil" } },
        ["id"] = source.NoteId,
        ["initial_release_date"] = CsafTime(source.InitialRelease),
        ["revision_history"] = new JsonArray([.. source.Revisions.Select(r => (JsonNode)new JsonObject
        {
            ["date"] = CsafTime(r.Date),
            ["number"] = r.Version,
            ["summary"] = r.SummaryUnder(source.Content.Tlp),
        })]),
        ["status"] = "final",
        ["version"] = source.Version,
    };

    /// <summary>UTC with microseconds: the precision the record keeps, so revisions never share a time.</summary>
    public static string CsafTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
