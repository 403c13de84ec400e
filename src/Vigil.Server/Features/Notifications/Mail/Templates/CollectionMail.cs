namespace Vigil.Server.Features.Notifications.Mail.Templates;

/// <summary>collection.published. Payload: <c>collection_id</c> (required), <c>name</c>, <c>tlp</c>, <c>indicator_count</c>.</summary>
public static class CollectionMail
{
    public static MailDocument Compose(MailContext mail)
    {
        var (p, t) = (mail.Payload, mail.T);
        var id = p.Required("collection_id");
        var name = p.Text("name") ?? id;
        return new MailDocument(
            t["Collection_Subject", name],
            t["Collection_Heading"],
            [t["Collection_Intro"]],
            MailContext.Facts(
                (t["CollectionName"], name),
                (t["Tlp"], p.Text("tlp") is { } tlp ? "TLP:" + tlp : null),
                (t["IndicatorCount"], p.Text("indicator_count"))),
            [],
            new MailLink(t["OpenCollection"], mail.Link("/indicators/" + Uri.EscapeDataString(id))));
    }
}
