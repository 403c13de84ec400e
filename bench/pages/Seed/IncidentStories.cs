using System.Globalization;
using System.Text.Json.Nodes;

namespace Vigil.Bench.Pages.Seed;

/// <summary>
/// Reports and updates that read like the ones a CERT receives: a dozen kinds of incident, varied by a seeded random
/// source, with indicators taken from the real Pegasus domain list and documentation address ranges.
/// </summary>
public sealed class IncidentStories(Random random, IReadOnlyList<string> knownBadDomains, TimeProvider clock)
{
    private sealed record Story(string Category, string Title, string Description, string Symptoms, string System);

    private static readonly Story[] Stories =
    [
        new("malicious-code", "Spyware on executives' phones delivered through a messaging app", "Forensic checks of three executives' phones found processes and domains of a commercial spyware family. Delivery appears to have used a zero-click message.", "Unexplained data use and battery drain; crash logs naming an unknown process.", "Mobile device fleet"),
        new("identity-theft-phishing", "Credential phishing against staff mailboxes", "A campaign of e-mails imitating the payroll portal collected staff passwords on a look-alike domain. Several accounts signed in from abroad afterwards.", "Users reporting a payroll login page; impossible-travel sign-in alerts.", "Corporate e-mail"),
        new("data-breach", "Customer records exfiltrated from a reporting database", "An unauthorised party queried the reporting replica for weeks with a service account whose password had leaked, and exported customer names, phone numbers and addresses.", "Large outbound transfers at night from the database subnet.", "Customer reporting database"),
        new("denial-of-service", "Volumetric DDoS against the public website and payment API", "A UDP reflection and HTTPS flood peaked at 180 Gbit/s and kept the payment API unreachable for customers for about two hours.", "Timeouts at the load balancer; upstream provider alerts.", "Internet edge and payment API"),
        new("website-defacement", "Defacement of a public information portal", "The portal's content management system was entered through an outdated plug-in and the home page replaced with a political message.", "Visitors reporting a changed home page.", "Public web portal"),
        new("unauthorised-access", "VPN appliance exploited for initial access", "An unpatched VPN appliance was exploited and a web shell placed on it; the attacker then moved to two internal servers.", "New files under the appliance's web root; logins from unknown addresses.", "Remote access VPN"),
        new("server-network-attack", "Ransomware encrypted file servers in two offices", "Ransomware encrypted shares on file servers in two offices after the attacker obtained domain administrator rights. A ransom note demands payment in cryptocurrency.", "Files renamed with a new extension; ransom notes in every folder.", "Windows file servers and Active Directory"),
        new("malicious-mobile-app", "Fake banking app distributed through SMS links", "An Android app imitating the bank's own was distributed through SMS links. It reads one-time passwords from incoming messages.", "Customers reporting unauthorised transfers after installing an app from a link.", "Mobile banking"),
        new("digital-payment-attack", "Fraudulent UPI collect requests through a compromised merchant account", "A merchant account was taken over and used to send collect requests to thousands of customers.", "Spike in disputed transactions for one merchant.", "Payment switch"),
        new("critical-infrastructure-attack", "Unauthorised commands on a substation's remote terminal unit", "Engineering software on a jump host was used outside maintenance windows to send commands to a remote terminal unit. No load was shed.", "Unexpected breaker status changes logged by SCADA.", "SCADA and remote terminal units"),
        new("targeted-scanning", "Sustained scanning of OT network ranges", "Scans of Modbus and DNP3 ports from a small set of hosting-provider addresses over several days, aimed at the operational technology ranges.", "Firewall alerts on industrial protocol ports.", "Operational technology perimeter"),
        new("cloud-attack", "Cloud storage bucket exposed and accessed", "A storage bucket holding backups was made public by a deployment error and was listed and downloaded from several addresses.", "Access log entries from unknown addresses.", "Cloud object storage"),
        new("social-media-account-access", "Official social media account taken over", "The organisation's official account was taken over after a SIM swap of the manager's phone and used to post a cryptocurrency scam.", "Posts not made by staff; password reset e-mails.", "Social media accounts"),
        new("data-leak", "Patient reports exposed through a misconfigured lab portal", "Lab reports could be downloaded by changing a number in the report link, without signing in.", "A researcher's report to the security contact.", "Laboratory results portal"),
    ];

    private static readonly string[] Labels = ["CLEAR", "GREEN", "AMBER", "AMBER", "AMBER", "AMBER", "AMBER", "AMBER+STRICT", "AMBER+STRICT", "RED"];

    public JsonObject Report(DemoOrganisation organisation, int number)
    {
        var story = Stories[random.Next(Stories.Length)];
        var now = clock.GetUtcNow();
        // Most incidents are weeks or months old; one in five arrived in the last two days and still has open deadlines.
        var detected = random.Next(5) == 0 ? now.AddMinutes(-random.Next(30, 2 * 24 * 60)) : now.AddDays(-random.Next(3, 365)).AddMinutes(-random.Next(0, 1440));
        var zone = organisation.Country == "IN" ? TimeSpan.FromHours(5.5) : TimeSpan.FromHours(1);
        var report = new JsonObject
        {
            ["title"] = $"{story.Title} ({organisation.Name}, #{number})",
            ["category"] = story.Category,
            ["description"] = story.Description,
            ["detected_at"] = Time(detected, zone),
            ["occurred_at"] = random.Next(3) == 0 ? new JsonObject { ["unknown"] = "investigation ongoing" } : Time(detected.AddHours(-random.Next(1, 200)), zone),
            ["affected_systems"] = new JsonArray(new JsonObject { ["vendor"] = organisation.Name, ["product"] = story.System, ["version"] = $"{random.Next(1, 9)}.{random.Next(0, 20)}" }),
            ["critical_systems_affected"] = random.Next(4) == 0,
            ["symptoms"] = story.Symptoms,
            ["indicators"] = Indicators(story.Category, random.Next(1, 6)),
            ["point_of_contact"] = organisation.Body()["point_of_contact"]!.DeepClone(),
            ["tlp"] = Labels[random.Next(Labels.Length)],
            ["regimes"] = Regimes(organisation, story.Category),
        };
        if (random.Next(2) == 0)
        {
            report["affected_users"] = Users(now, zone, random.Next(10, 50_000));
        }
        else
        {
            report["affected_users"] = new JsonObject { ["unknown"] = "still being counted" };
        }
        return report;
    }

    /// <summary>A follow-up: a narrative and a few fields that moved on.</summary>
    public JsonObject Update(int step, DemoOrganisation organisation)
    {
        var zone = organisation.Country == "IN" ? TimeSpan.FromHours(5.5) : TimeSpan.FromHours(1);
        string[] narratives =
        [
            "Containment in place: affected hosts isolated and credentials of the accounts involved reset.",
            "Forensic images taken; the external responder confirmed the initial access vector.",
            "More affected users found in the logs; the count below replaces the earlier one.",
            "Eradication complete; monitoring continues for re-entry. Customers informed.",
            "Root cause fixed and patched across the estate; lessons learned review scheduled.",
        ];
        var update = new JsonObject
        {
            ["narrative"] = narratives[Math.Min(step, narratives.Length - 1)],
            ["actions_taken"] = $"Step {step + 1}: blocked the indicators at the perimeter, reset {random.Next(2, 400)} credentials, patched {random.Next(1, 40)} hosts.",
        };
        if (random.Next(2) == 0)
        {
            update["affected_users"] = Users(clock.GetUtcNow(), zone, random.Next(10, 80_000));
        }
        if (random.Next(3) == 0)
        {
            update["indicators"] = Indicators("malicious-code", random.Next(2, 8));
        }
        return update;
    }

    private JsonArray Indicators(string category, int count)
    {
        var list = new JsonArray();
        var seen = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var (type, value) = (category, random.Next(4)) switch
            {
                (_, 0) => ("ipv4", $"203.0.113.{random.Next(1, 255)}"),
                (_, 1) => ("sha256", Convert.ToHexStringLower(RandomBytes(32))),
                ("identity-theft-phishing", _) => ("email", $"payroll-{random.Next(100, 999)}@{knownBadDomains[random.Next(knownBadDomains.Count)]}"),
                _ => ("domain", knownBadDomains[random.Next(knownBadDomains.Count)]),
            };
            if (seen.Add(type + value))
            {
                list.Add(new JsonObject { ["type"] = type, ["value"] = value });
            }
        }
        return list;
    }

    private static JsonArray Regimes(DemoOrganisation organisation, string category)
    {
        var breach = category is "data-breach" or "data-leak";
        return organisation.Country == "IN"
            ? breach ? new JsonArray("in-cert-in-2022", "in-dpdp-2025-rule7") : new JsonArray("in-cert-in-2022")
            : breach ? new JsonArray("eu-nis2-art23", "eu-gdpr-art33") : new JsonArray("eu-nis2-art23");
    }

    private JsonObject Users(DateTimeOffset asOf, TimeSpan zone, int total)
    {
        var inIndia = total / random.Next(1, 4);
        return new JsonObject
        {
            ["total"] = total,
            ["as_of"] = Time(asOf, zone),
            ["by_country"] = new JsonArray(new JsonObject { ["country"] = "IN", ["count"] = inIndia, ["as_of"] = Time(asOf, zone) }),
        };
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    public static string Time(DateTimeOffset at, TimeSpan zone) =>
        at.ToOffset(zone).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
}
