namespace Vigil.Server.Features.Notifications.Mail.Templates;

/// <summary>
/// request.opened. Payload: <c>incident_id</c> (required), <c>sequence</c> (the request's number in the incident),
/// <c>question</c>, <c>due_at</c> (ISO 8601), <c>incident_title</c>.
/// </summary>
public static class RequestMail
{
    public static MailDocument Compose(MailContext mail)
    {
        var (p, t) = (mail.Payload, mail.T);
        var incident = p.Required("incident_id");
        var question = mail.Confidential("question");
        return new MailDocument(
            t["Request_Subject", incident],
            t["Request_Heading"],
            [t["Request_Intro"]],
            MailContext.Facts(
                (t["Incident"], incident),
                (t["IncidentTitle"], mail.Confidential("incident_title")),
                (t["RequestNumber"], p.Text("sequence")),
                (t["DueAt"], p.Time("due_at"))),
            question is null ? [] : [new MailSection(t["Question"], question, [])],
            new MailLink(t["AnswerRequest"], mail.Link("/incidents/" + Uri.EscapeDataString(incident))));
    }
}
