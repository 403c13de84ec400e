using System.Text.RegularExpressions;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Security;

/// <summary>
/// The audience filter is the one place reads are narrowed; every query that reads past it is a decision, listed
/// here with its reason. A new one fails this test until it is added, so none slips in unnoticed.
/// </summary>
public sealed partial class FilterBypassTests
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["src/Vigil.Data/AudienceFilters.cs"] = "KnownIncidents/KnownSubmissions: the CERT and oversight count every incident for figures and timelines, never its content",
        ["src/Vigil.Server/Features/Aggregation/MirrorDocuments.cs"] = "a mirror decides which revision of a path is newest over all of them, then serves only a CLEAR one",
        ["src/Vigil.Server/Features/Affected/ImportedAdvisoryCatalog.cs"] = "one cache for every caller: it reads every advisory and cuts each audience's documents by label",
        ["src/Vigil.Server/Features/Affected/PublishedNoteCatalog.cs"] = "one cache for every caller: it reads every published note and cuts each audience's index by label",
        ["src/Vigil.Server/Features/Advisories/ImportAdvisory.cs"] = "whether the same bytes are held already is decided over every stored document (one row per document); the importer proves it holds them",
        ["src/Vigil.Server/Features/Aggregation/DocumentIntake.cs"] = "a provider run decides what is held, and which revisions exist, over every stored document",
        ["src/Vigil.Server/Features/Notes/AuthorNotes.cs"] = "a new note's number follows every note's, including those its author may not read",
        ["src/Vigil.Server/Features/Notes/RevisionsForReader.cs"] = "a hidden revision is shown as a placeholder (number, version, date, label), never its content",
        ["src/Vigil.Server/Features/Csaf/CsafDocuments.cs"] = "a CSAF document's revision history numbers every revision; those above its label keep only a neutral summary",
        ["src/Vigil.Server/Features/Attachments/SubmissionAttachments.cs"] = "a colleague's upload not yet attached is found by its hash when the submitter's organisation attaches it",
        ["src/Vigil.Server/Features/Indicators/IndicatorSources.cs"] = "an incident's relabelling reaches every indicator taken from it, whoever relabels",
        ["src/Vigil.Server/Features/Indicators/UpdateCollection.cs"] = "a collection is never labelled wider than any of its indicators, whether or not the analyst may read them",
        ["src/Vigil.Server/Features/Indicators/ReadCollections.cs"] = "the CERT is told how many indicators are withheld from a collection's audience, not what they are",
        ["src/Vigil.Server/Features/Indicators/CollectionIndicatorWriter.cs"] = "a collection holds a pattern once, even one the caller may not read",
        ["src/Vigil.Server/Features/Ledger/LedgerAudit.cs"] = "the audit recomputes every leaf from every submission",
        ["src/Vigil.Server/Features/Ledger/NoteRevisionAudit.cs"] = "the audit recomputes every leaf from every note revision",
        ["src/Vigil.Server/Features/Ledger/EventAudit.cs"] = "the audit recomputes every leaf from every event",
        ["src/Vigil.Server/Infrastructure/Storage/DatabaseCopy.cs"] = "`vigil db copy` moves every row of a database to another, run by the operator, never by a request",
        ["src/Vigil.Server/Features/Demo/DemoStartup.cs"] = "the demo loads only into an empty database: any note at all, whoever may read it, refuses the load",
        ["src/Vigil.Server/Features/Notifications/Subscriptions/ReminderNotifications.cs"] = "who hears of a deadline is decided by the incident's label and owner, read for the router, never its content",
    };

    [Fact]
    public void Every_read_past_the_audience_filter_is_a_known_decision()
    {
        var found = Directory.EnumerateFiles(RepositoryPaths.File("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Bypass().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal).ToList();
        var unknown = found.Except(Known.Keys).ToList();
        Assert.True(unknown.Count == 0, "Reads past the audience filter in: " + string.Join(", ", unknown) + ". Add each to the list with its reason, or read through the filter.");
        Assert.Empty(Known.Keys.Except(found));
    }

    [GeneratedRegex(@"IgnoreQueryFilters\s*\(")]
    private static partial Regex Bypass();
}
