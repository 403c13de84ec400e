namespace Vigil.Domain.Incidents;

/// <summary>
/// The 20 types of cyber security incident that must be reported to CERT-In, from Annexure I of
/// CERT-In's Directions under section 70B(6) of the IT Act, 2000 (No. 20(3)/2022-CERT-In, 28 April 2022).
/// Codes are stable identifiers; display names follow the Directions' wording.
/// </summary>
public sealed record IncidentCategory(string Code, string Numeral, string DisplayName)
{
    public static readonly IReadOnlyList<IncidentCategory> All =
    [
        new("targeted-scanning", "i", "Targeted scanning/probing of critical networks/systems"),
        new("critical-system-compromise", "ii", "Compromise of critical systems/information"),
        new("unauthorised-access", "iii", "Unauthorised access of IT systems/data"),
        new("website-defacement", "iv", "Defacement of website or intrusion into a website and unauthorised changes such as inserting malicious code, links to external websites etc."),
        new("malicious-code", "v", "Malicious code attacks such as spreading of virus/worm/Trojan/Bots/Spyware/Ransomware/Cryptominers"),
        new("server-network-attack", "vi", "Attack on servers such as Database, Mail and DNS and network devices such as Routers"),
        new("identity-theft-phishing", "vii", "Identity Theft, spoofing and phishing attacks"),
        new("denial-of-service", "viii", "Denial of Service (DoS) and Distributed Denial of Service (DDoS) attacks"),
        new("critical-infrastructure-attack", "ix", "Attacks on Critical infrastructure, SCADA and operational technology systems and Wireless networks"),
        new("application-attack", "x", "Attacks on Application such as E-Governance, E-Commerce etc."),
        new("data-breach", "xi", "Data Breach"),
        new("data-leak", "xii", "Data Leak"),
        new("iot-attack", "xiii", "Attacks on Internet of Things (IoT) devices and associated systems, networks, software, servers"),
        new("digital-payment-attack", "xiv", "Attacks or incident affecting Digital Payment systems"),
        new("malicious-mobile-app", "xv", "Attacks through Malicious mobile Apps"),
        new("fake-mobile-app", "xvi", "Fake mobile Apps"),
        new("social-media-account-access", "xvii", "Unauthorised access to social media accounts"),
        new("cloud-attack", "xviii", "Attacks or malicious/suspicious activities affecting Cloud computing systems/servers/software/applications"),
        new("emerging-technology-attack", "xix", "Attacks or malicious/suspicious activities affecting systems/servers/networks/software/applications related to Big Data, Block chain, virtual assets, virtual asset exchanges, custodian wallets, Robotics, 3D and 4D Printing, additive manufacturing, Drones"),
        new("ai-ml-attack", "xx", "Attacks or malicious/suspicious activities affecting systems/servers/software/applications related to Artificial Intelligence and Machine Learning"),
    ];

    private static readonly Dictionary<string, IncidentCategory> ByCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static IncidentCategory? Find(string code) => ByCode.GetValueOrDefault(code);
}
