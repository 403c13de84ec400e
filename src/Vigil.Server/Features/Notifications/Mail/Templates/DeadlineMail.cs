namespace Vigil.Server.Features.Notifications.Mail.Templates;

/// <summary>
/// deadline.due_soon and deadline.overdue. Payload: <c>incident_id</c> (required), <c>incident_title</c>,
/// <c>regime</c>, <c>stage</c>, <c>due_at</c> (ISO 8601), <c>lead</c> (how long before the deadline, e.g. PT1H).
/// </summary>
public static class DeadlineMail
{
    public static MailDocument Compose(MailContext mail, bool overdue)
    {
        var (p, t) = (mail.Payload, mail.T);
        var incident = p.Required("incident_id");
        var stage = p.Text("stage") ?? "";
        var kind = overdue ? "DeadlineOverdue" : "DeadlineDueSoon";
        return new MailDocument(
            t[kind + "_Subject", incident, stage],
            t[kind + "_Heading"],
            [t[kind + "_Intro"]],
            MailContext.Facts(
                (t["Incident"], incident),
                (t["IncidentTitle"], mail.Confidential("incident_title")),
                (t["Regime"], p.Text("regime")),
                (t["Stage"], stage),
                (t["DueAt"], p.Time("due_at"))),
            [],
            new MailLink(t["OpenIncident"], mail.Link("/incidents/" + Uri.EscapeDataString(incident))));
    }
}
