using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Notes;
using Vigil.Domain.Sharing;

namespace Vigil.Server.Features.Notifications.Mail.Templates;

/// <summary>
/// note.published: the note's summary, affected products, CVE ids and countermeasures, not only a link. Payload:
/// <c>note_id</c> (required) and <c>revision</c>; when it does not carry <c>countermeasures</c> (with <c>title</c>,
/// <c>summary</c>, <c>severity</c>, <c>products</c> as names, <c>cve_ids</c>, <c>workarounds</c>), they are read from
/// the note itself, which must then be published, and TLP:CLEAR unless the recipient is one of the organisation's own
/// people: a mail to anyone else never carries more than the public page.
/// </summary>
public static class NoteMail
{
    public static async Task<MailDocument> ComposeAsync(MailContext mail, VigilDbContext db, CancellationToken cancellationToken)
    {
        var (p, t) = (mail.Payload, mail.T);
        var id = p.Required("note_id");
        var note = p.Has("countermeasures") ? FromPayload(p) : await FromDatabaseAsync(id, mail.RecipientInside, db, cancellationToken);
        var revised = p.Number("revision") is > 1;
        var sections = new List<MailSection> { new(t["Summary"], note.Summary, []) };
        if (note.Products.Count > 0)
        {
            sections.Add(new MailSection(t["AffectedProducts"], null, note.Products));
        }
        sections.Add(new MailSection(t["Countermeasures"], note.Countermeasures, []));
        if (note.Workarounds is { Length: > 0 } workarounds)
        {
            sections.Add(new MailSection(t["Workarounds"], workarounds, []));
        }
        return new MailDocument(
            t["Note_Subject", id, note.Title],
            note.Title,
            [t[revised ? "Note_IntroRevised" : "Note_Intro"]],
            MailContext.Facts(
                (t["Note"], id),
                (t["Severity"], note.Severity is { } severity && t["Severity_" + severity] is { ResourceNotFound: false } named ? named : note.Severity),
                (t["CveIds"], note.CveIds.Count > 0 ? string.Join(", ", note.CveIds) : null),
                (t["Revision"], p.Text("revision"))),
            sections,
            new MailLink(t["OpenNote"], mail.Link("/notes/" + Uri.EscapeDataString(id))));
    }

    private sealed record NoteFacts(
        string Title, string Summary, string? Severity, IReadOnlyList<string> Products, IReadOnlyList<string> CveIds, string Countermeasures, string? Workarounds);

    private static NoteFacts FromPayload(MailPayload p) => new(
        p.Text("title") ?? p.Required("note_id"), p.Text("summary") ?? "", p.Text("severity"), p.List("products"), p.List("cve_ids"),
        p.Required("countermeasures"), p.Text("workarounds"));

    /// <summary>
    /// A published note: any, for the organisation's own people (whom the event's producer already held to the note's
    /// TLP audience), only a TLP:CLEAR one for another address.
    /// </summary>
    private static async Task<NoteFacts> FromDatabaseAsync(string id, bool inside, VigilDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.Notes.AsNoTracking()
            .Where(n => n.Id == id && n.Status == NoteWorkflow.Published && (inside || n.Tlp == TlpLabel.Clear))
            .Select(n => n.Content).SingleOrDefaultAsync(cancellationToken)
            ?? throw new MailPayloadException($"note {id} is not published for this recipient and the payload does not carry its countermeasures");
        var content = NoteReader.ReadStored(stored);
        return new NoteFacts(content.Title, content.Summary, content.Severity, [.. content.Products.Select(Describe)], content.CveIds,
            content.Countermeasures, content.Workarounds);
    }

    /// <summary>"WhatsApp for Android (Android) by WhatsApp: affected vers:..., fixed 2.19.134".</summary>
    private static string Describe(AffectedProduct product)
    {
        var text = $"{product.Vendor} {product.FullName}";
        if (product.Affected.Count > 0)
        {
            text += ": " + string.Join(", ", product.Affected);
        }
        if (product.Fixed.Count > 0)
        {
            text += " → " + string.Join(", ", product.Fixed);
        }
        return text;
    }
}
