using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Notes;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Demo;

/// <summary>Notes as an analyst writes them: a draft from a whole body, then published, revised or withdrawn.</summary>
public static class DemoNotes
{
    public static Task<Note> DraftAsync(DemoSteps steps, string at, ClaimsPrincipal analyst, JsonObject body) =>
        steps.AtAsync(at, async services =>
        {
            var (note, problem) = await AuthorNotes.CreateDraftAsync(DemoSteps.Body(body), analyst, services.GetRequiredService<VigilDbContext>(),
                services.GetRequiredService<WriteTransactions>(), services.GetRequiredService<IOptions<NotesOptions>>().Value,
                services.GetRequiredService<TimeProvider>(), CancellationToken.None);
            return note ?? throw DemoSteps.Refused("note " + body["title"], problem);
        });

    public static Task PublishAsync(DemoSteps steps, string at, ClaimsPrincipal analyst, string id, string summary) =>
        RecordAsync(steps, at, "publish " + id, services => NoteWorkflowEndpoints.PublishAsync(id, DemoSteps.Body(new JsonObject { ["summary"] = summary }),
            analyst, services.GetRequiredService<VigilDbContext>(), services.GetRequiredService<NoteRecorder>(), CancellationToken.None));

    public static Task WithdrawAsync(DemoSteps steps, string at, ClaimsPrincipal analyst, string id, string reason) =>
        RecordAsync(steps, at, "withdraw " + id, services => NoteWorkflowEndpoints.WithdrawAsync(id, DemoSteps.Body(new JsonObject { ["reason"] = reason }),
            analyst, services.GetRequiredService<VigilDbContext>(), services.GetRequiredService<NoteRecorder>(), CancellationToken.None));

    private static Task RecordAsync(DemoSteps steps, string at, string what,
        Func<IServiceProvider, Task<(NoteRecorder.Recorded? Recorded, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Problem)>> record) =>
        steps.AtAsync(at, async services =>
        {
            var (recorded, problem) = await record(services);
            return recorded ?? throw DemoSteps.Refused(what, problem);
        });

    /// <summary>The CERT's note on CVE-2019-3568 as reported (severity High; countermeasure: update the app), from the facts file.</summary>
    public static JsonObject Cve20193568()
    {
        var facts = DemoData.Cve20193568;
        var products = new JsonArray();
        foreach (var affected in facts["affected"]!.AsArray())
        {
            products.Add(new JsonObject
            {
                ["vendor"] = "WhatsApp",
                ["product"] = affected!["product"]!.GetValue<string>(),
                ["cpe"] = affected["nvd_cpe"]!.GetValue<string>(),
                ["affected"] = new JsonArray(affected["vers"]!.GetValue<string>()),
                ["fixed"] = new JsonArray(affected["fixed_in"]!.GetValue<string>()),
            });
        }
        return new JsonObject
        {
            ["title"] = "WhatsApp VoIP stack buffer overflow (CVE-2019-3568)",
            ["summary"] = "A buffer overflow in the **VoIP stack** lets a remote attacker run code on a phone through a decoy voice call.",
            ["severity"] = "high",
            ["tlp"] = "CLEAR",
            ["cve_ids"] = new JsonArray(facts["cve_id"]!.GetValue<string>()),
            ["cwe_ids"] = new JsonArray("CWE-122"),
            ["cvss"] = new JsonArray(facts["cvss"]!["v3_1"]!["vectorString"]!.GetValue<string>()),
            ["products"] = products,
            ["description"] = facts["description_cna"]!.GetValue<string>(),
            ["impact"] = "An attacker could access information on the system such as logs, messages and photos, and compromise it further.",
            ["countermeasures"] = "Upgrade WhatsApp to the latest version from the official app store: WhatsApp for Android 2.19.134 or later, "
                + "WhatsApp Business for Android 2.19.44, WhatsApp for iOS and WhatsApp Business for iOS 2.19.51, "
                + "WhatsApp for Windows Phone 2.18.348, WhatsApp for Tizen 2.18.15.",
            ["references"] = new JsonArray(
                new JsonObject { ["url"] = "https://www.facebook.com/security/advisories/cve-2019-3568", ["summary"] = "Vendor advisory" },
                new JsonObject { ["url"] = "https://nvd.nist.gov/vuln/detail/CVE-2019-3568", ["summary"] = "NVD entry" }),
        };
    }
}
