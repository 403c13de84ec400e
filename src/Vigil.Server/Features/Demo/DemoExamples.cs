using System.Text.Json.Nodes;
using Vigil.Domain.Incidents;

namespace Vigil.Server.Features.Demo;

/// <summary>
/// Invented examples, so that lists, the triage inbox and the oversight charts are not empty: every title and
/// organisation says "(invented example)". One report on time, one late with a request left unanswered, one recent
/// and still open, a published note and a draft.
/// </summary>
public static class DemoExamples
{
    public static async Task LoadAsync(DemoSteps steps, DemoAccounts accounts)
    {
        var analyst = DemoSteps.As(accounts.Analyst);
        var assignToAnalyst = $$"""{"assignee_id": "{{accounts.Analyst.Id}}", "reason": "Demo: the analyst on duty."}""";

        var bank = DemoSteps.As(accounts.InventedReporters["bank"]);
        var phishing = await DemoIncidents.FileAsync(steps, "2025-03-03T11:30:00+05:30", bank, """
            {"title": "Phishing campaign against online banking customers (invented example)", "category": "identity-theft-phishing",
             "description": "Text messages led customers to a copy of the bank's sign-in page.",
             "detected_at": "2025-03-03T08:00:00+05:30", "occurred_at": "2025-03-02T20:00:00+05:30",
             "affected_users": {"total": 320, "as_of": "2025-03-03T11:00:00+05:30", "by_country": [{"country": "IN", "count": 320, "as_of": "2025-03-03T11:00:00+05:30"}]},
             "actions_taken": "Asked the registrar to suspend the look-alike domain; warned customers.",
             "regimes": ["in-cert-in-2022"]}
            """);
        await DemoIncidents.StatusAsync(steps, "2025-03-03T13:00:00+05:30", analyst, phishing, IncidentStatus.Received,
            """{"status": "triaged", "reason": "Demo: a known campaign pattern."}""");
        await DemoIncidents.AssignAsync(steps, "2025-03-03T13:05:00+05:30", analyst, phishing, assignToAnalyst);
        var question = await DemoIncidents.RequestAsync(steps, "2025-03-03T13:10:00+05:30", analyst, phishing, """
            {"question": "Which domains and sender numbers did the campaign use?", "due_at": "2025-03-06T18:00:00+05:30",
             "wanted_fields": ["indicators"], "for_stage": {"regime": "in-cert-in-2022", "stage": "further_information"}}
            """);
        await DemoIncidents.UpdateAsync(steps, "2025-03-05T16:00:00+05:30", bank, phishing, $$"""
            {"narrative": "The domains and numbers we found.", "answers_request": {{question}},
             "indicators": [{"type": "domain", "value": "secure-login-bank.example", "description": "the look-alike sign-in page"}]}
            """);

        var router = await DemoNotes.DraftAsync(steps, "2025-04-02T10:00:00+05:30", analyst, Note(
            "Example Router firmware command injection (invented example)", "medium", "Example Networks", "Example Router", "1.4.2"));
        await DemoNotes.PublishAsync(steps, "2025-04-02T10:30:00+05:30", analyst, router.Id, "Initial release.");

        var isp = DemoSteps.As(accounts.InventedReporters["isp"]);
        var flood = await DemoIncidents.FileAsync(steps, "2025-06-11T09:15:00+05:30", isp, """
            {"title": "Distributed denial of service on resolvers (invented example)", "category": "denial-of-service",
             "description": "A reflection attack saturated two resolver sites for three hours.",
             "detected_at": "2025-06-10T22:00:00+05:30", "regimes": ["in-cert-in-2022"]}
            """);
        await DemoIncidents.RequestAsync(steps, "2025-06-11T12:00:00+05:30", analyst, flood, """
            {"question": "Which source networks did the traffic come from, and what did you block?", "due_at": "2025-06-13T18:00:00+05:30",
             "wanted_fields": ["indicators", "actions_taken"]}
            """);

        var hospital = DemoSteps.As(accounts.InventedReporters["hospital"]);
        await DemoIncidents.FileAsync(steps, "2026-11-20T10:00:00+05:30", hospital, """
            {"title": "Ransomware on an imaging server (invented example)", "category": "malicious-code",
             "description": "Files on one imaging server were encrypted; the server was taken off the network.",
             "detected_at": "2026-11-20T07:00:00+05:30", "regimes": ["in-cert-in-2022"]}
            """);

        await DemoNotes.DraftAsync(steps, "2026-11-25T10:00:00+05:30", analyst, Note(
            "Example VPN gateway path traversal (invented example)", "high", "Example Secure", "Example VPN Gateway", "7.2.1"));
    }

    private static JsonObject Note(string title, string severity, string vendor, string product, string fixedIn) => new()
    {
        ["title"] = title,
        ["summary"] = "An invented example for the demo.",
        ["severity"] = severity,
        ["tlp"] = "CLEAR",
        ["products"] = new JsonArray(new JsonObject
        {
            ["vendor"] = vendor,
            ["product"] = product,
            ["affected"] = new JsonArray($"vers:semver/<{fixedIn}"),
            ["fixed"] = new JsonArray(fixedIn),
        }),
        ["description"] = "An invented example for the demo: no such product or flaw exists.",
        ["countermeasures"] = $"Update to {fixedIn}.",
    };
}
