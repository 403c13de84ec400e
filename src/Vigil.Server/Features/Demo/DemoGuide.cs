using System.Text;
using System.Text.Json.Nodes;

namespace Vigil.Server.Features.Demo;

/// <summary>
/// What `vigil demo` prints once: where to click and whom to sign in as. The passwords were made for this load and are
/// stored only hashed; this is the one time they are shown.
/// </summary>
public static class DemoGuide
{
    public static string Text(DemoLoader.Loaded loaded, string baseUrl)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("Vigil loaded the 2019 case (CVE-2019-3568, the WhatsApp VoIP attack that installed Pegasus).");
        text.AppendLine("This database is for demonstration only: its records and its log are a replay, not real filings.");
        text.AppendLine();
        text.AppendLine("Where to click:");
        text.AppendLine($"  The CERT's note (17 May 2019, withdrawn 2 November):   {baseUrl}/notes/{loaded.NoteId}");
        text.AppendLine($"  The vendor's incident, timeline and deadlines:         {baseUrl}/incidents/{loaded.IncidentId}#deadlines-heading");
        text.AppendLine($"  The same incident as oversight sees it (compliance):    {baseUrl}/oversight/incidents/{loaded.IncidentId}");
        text.AppendLine($"  The analysts' triage inbox:                             {baseUrl}/triage");
        text.AppendLine($"  Oversight: timeliness and completeness:                 {baseUrl}/oversight");
        text.AppendLine($"  The Pegasus indicators (TLP:CLEAR):                     {baseUrl}/indicators/{loaded.CollectionId}");
        text.AppendLine($"  The public transparency log:                            {baseUrl}/log");
        text.AppendLine();
        text.AppendLine($"Sign in at {baseUrl}/sign-in as (passwords shown this once, stored hashed):");
        foreach (var account in loaded.SignIns)
        {
            text.AppendLine($"  {account.Role,-10} {account.Email,-28} {account.Password}   {account.Who}");
        }
        text.AppendLine();
        return text.ToString();
    }

    /// <summary>The same as one JSON object, for scripts: the pages, the accounts, and the command that serves the demo.</summary>
    public static string Json(DemoLoader.Loaded loaded, string baseUrl, IEnumerable<string> hostArgs) => new JsonObject
    {
        ["note"] = $"{baseUrl}/notes/{loaded.NoteId}",
        ["incident"] = $"{baseUrl}/incidents/{loaded.IncidentId}",
        ["oversight_incident"] = $"{baseUrl}/oversight/incidents/{loaded.IncidentId}",
        ["triage"] = $"{baseUrl}/triage",
        ["oversight"] = $"{baseUrl}/oversight",
        ["indicators"] = $"{baseUrl}/indicators/{loaded.CollectionId}",
        ["log"] = $"{baseUrl}/log",
        ["sign_in"] = $"{baseUrl}/sign-in",
        ["accounts"] = new JsonArray([.. loaded.SignIns.Select(a => new JsonObject
        {
            ["role"] = a.Role, ["email"] = a.Email, ["password"] = a.Password, ["who"] = a.Who,
        })]),
        ["serve"] = $"vigil serve {string.Join(' ', hostArgs)}",
    }.ToJsonString();
}
