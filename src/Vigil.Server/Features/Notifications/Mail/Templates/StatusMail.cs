namespace Vigil.Server.Features.Notifications.Mail.Templates;

/// <summary>incident.status_changed. Payload: <c>incident_id</c> (required), <c>from</c>, <c>to</c> (required), <c>incident_title</c>.</summary>
public static class StatusMail
{
    public static MailDocument Compose(MailContext mail)
    {
        var (p, t) = (mail.Payload, mail.T);
        var incident = p.Required("incident_id");
        var to = StatusName(mail, p.Required("to"));
        return new MailDocument(
            t["Status_Subject", incident, to],
            t["Status_Heading"],
            [t["Status_Intro"]],
            MailContext.Facts(
                (t["Incident"], incident),
                (t["IncidentTitle"], mail.Confidential("incident_title")),
                (t["StatusFrom"], p.Text("from") is { } from ? StatusName(mail, from) : null),
                (t["StatusTo"], to)),
            [],
            new MailLink(t["OpenIncident"], mail.Link("/incidents/" + Uri.EscapeDataString(incident))));
    }

    /// <summary>A status in the reader's words; one Vigil does not know yet is shown as it is spelled.</summary>
    private static string StatusName(MailContext mail, string status) =>
        mail.T["IncidentStatus_" + status] is { ResourceNotFound: false } name ? name : status;
}
