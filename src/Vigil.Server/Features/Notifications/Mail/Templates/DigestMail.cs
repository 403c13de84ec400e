namespace Vigil.Server.Features.Notifications.Mail.Templates;

/// <summary>
/// A daily digest: the messages held for one destination and day, each composed by its own template and shown as a
/// part of one mail (its facts, its sections such as a note's countermeasures, and its link). Payload: <c>day</c>,
/// <c>period</c>, <c>events</c> (each with <c>type</c> and <c>data</c>).
/// </summary>
public static class DigestMail
{
    public const string EventType = "digest";

    public static async Task<MailDocument> ComposeAsync(MailContext mail, Func<string, MailContext, Task<MailDocument>> compose)
    {
        var t = mail.T;
        var day = mail.Payload.Text("day") ?? "";
        var events = mail.Payload.Objects("events");
        var sections = new List<MailSection>();
        foreach (var gathered in events)
        {
            var each = new MailPayload(gathered);
            var type = each.Required("type");
            var data = gathered["data"] as System.Text.Json.Nodes.JsonObject ?? throw new MailPayloadException($"a digest's {type} event has no data");
            var document = await compose(type, mail with { Payload = new MailPayload(data) });
            sections.Add(new MailSection(document.Subject, null,
                [.. document.Facts.Select(f => $"{f.Label}: {f.Value}"), $"{document.Action.Text}: {document.Action.Url}"]));
            sections.AddRange(document.Sections);
        }
        return new MailDocument(t["Digest_Subject", events.Count, day], t["Digest_Heading", day], [t["Digest_Intro"]], [], sections,
            new MailLink(t["OpenVigil"], mail.Link("/")));
    }
}
