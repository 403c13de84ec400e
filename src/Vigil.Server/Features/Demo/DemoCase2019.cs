namespace Vigil.Server.Features.Demo;

/// <summary>
/// The 2019 case as it happened (Data/2019-case.json, Data/SOURCES.md). The record gives dates, not times of day: the
/// demo assumes 09:00 IST for the vendor's filings (as the replay tests do) and 10:00 IST for the CERT's acts.
/// </summary>
public static class DemoCase2019
{
    public const string NotePublished = "2019-05-17T10:00:00+05:30";
    public const string Reported = "2019-05-20T09:00:00+05:30";
    public const string Updated = "2019-09-05T09:00:00+05:30";
    public const string NoteWithdrawn = "2019-11-02T10:00:00+05:30";
    public const string FiguresFiled = "2019-11-30T09:00:00+05:30";

    /// <summary>The regimes the demo evaluates the case under: neither was in force in 2019, and the view says so.</summary>
    public static readonly IReadOnlyList<string> Regimes = ["in-cert-in-2022", "eu-nis2-art23"];

    public const string WithdrawalReason = "Removed from the CERT's website on about 2 November 2019 (reported on 4 November 2019); "
        + "the CERT gave no reason in public. The note stays readable here with this withdrawal as its latest revision.";

    public const string Report = """
        {"title": "Exploitation of a buffer overflow in the VoIP stack of a messaging app", "category": "malicious-mobile-app",
         "description": "A crafted call could run code on the target's phone; the attack has been fixed server-side and in the app.",
         "occurred_at": "2019-04-29T00:00:00Z", "detected_at": "2019-05-13T09:00:00+05:30",
         "affected_systems": [{"vendor": "WhatsApp", "product": "WhatsApp for Android", "version": "before 2.19.134"}],
         "indicators": {"unknown": "under investigation"},
         "actions_taken": "Fixed the server-side infrastructure and shipped app updates (CVE-2019-3568).",
         "regimes": ["in-cert-in-2022", "eu-nis2-art23"]}
        """;

    public const string Update = """
        {"narrative": "The vendor writes again with an update to the incident reported in May.",
         "description": "A crafted call could run code on the target's phone; the full extent of the attack may never be known.",
         "symptoms": "Missed calls from unknown numbers; call logs altered.",
         "affected_users": {"unknown": "the full extent may never be known"},
         "point_of_contact": {"name": "Security team", "email": "security@messaging.example"}}
        """;

    /// <summary>
    /// The figures published later, by the vendor (29 October 2019) and by the minister in Parliament (November 2019).
    /// The vendor is not known to have filed them; the narrative says that this submission is the demo's placing.
    /// </summary>
    public const string Figures = """
        {"narrative": "Demo reconstruction, not a filing the vendor is known to have made: the figures published later, so that the record holds them. On 29 October 2019 the vendor notified about 1,400 targeted users worldwide; in November 2019 the minister told Parliament that 121 of them were in India.",
         "affected_users": {"total": 1400, "as_of": "2019-10-29T00:00:00Z",
                            "by_country": [{"country": "IN", "count": 121, "as_of": "2019-11-30T00:00:00+05:30"}]}}
        """;
}
