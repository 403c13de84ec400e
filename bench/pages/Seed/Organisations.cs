using System.Text.Json.Nodes;

namespace Vigil.Bench.Pages.Seed;

/// <summary>One organisation that must report, as an administrator registers it; invented names on .example domains.</summary>
public sealed record DemoOrganisation(string Name, string Sector, string Country, string Domain, string Contact)
{
    public string? Id { get; set; }

    public List<DemoUser> Reporters { get; } = [];

    public JsonObject Body() => new()
    {
        ["name"] = Name,
        ["sector"] = Sector,
        ["country"] = Country,
        ["point_of_contact"] = new JsonObject
        {
            ["name"] = Contact,
            ["role"] = Country == "IN" ? "Chief Information Security Officer" : "Head of Security Operations",
            ["email"] = $"security@{Domain}",
            ["phone"] = Country == "IN" ? "+91 11 5555 0100" : "+49 30 5555 0100",
        },
    };

    /// <summary>Thirty organisations of the sectors a national CERT hears from, most in India, a few in the EU.</summary>
    public static IReadOnlyList<DemoOrganisation> All { get; } =
    [
        new("Sahyadri Telecom Ltd", "telecommunications", "IN", "sahyadri-telecom.example", "A. Sharma"),
        new("Konkan Mobile Networks", "telecommunications", "IN", "konkan-mobile.example", "R. Iyer"),
        new("Bharat Digital Payments", "finance", "IN", "bharat-payments.example", "S. Menon"),
        new("Narmada Cooperative Bank", "finance", "IN", "narmada-bank.example", "P. Kulkarni"),
        new("Deccan Securities Exchange", "finance", "IN", "deccan-exchange.example", "V. Rao"),
        new("Ganga Power Distribution", "energy", "IN", "ganga-power.example", "M. Singh"),
        new("Western Grid Transmission", "energy", "IN", "western-grid.example", "K. Desai"),
        new("Aravalli Gas Pipelines", "energy", "IN", "aravalli-gas.example", "N. Chauhan"),
        new("Kaveri Water Board", "water", "IN", "kaveri-water.example", "L. Gowda"),
        new("Lotus Multispeciality Hospitals", "health", "IN", "lotus-hospitals.example", "Dr. F. Khan"),
        new("Himalaya Diagnostics", "health", "IN", "himalaya-diagnostics.example", "T. Negi"),
        new("Coromandel Port Trust", "transport", "IN", "coromandel-port.example", "J. Pillai"),
        new("Vindhya Airways", "transport", "IN", "vindhya-airways.example", "H. Mehta"),
        new("Sutlej Rail Logistics", "transport", "IN", "sutlej-rail.example", "G. Dhillon"),
        new("Nilgiri Cloud Services", "digital-infrastructure", "IN", "nilgiri-cloud.example", "D. Thomas"),
        new("Tapti Data Centres", "digital-infrastructure", "IN", "tapti-dc.example", "E. Joshi"),
        new("Chambal Internet Exchange", "digital-infrastructure", "IN", "chambal-ix.example", "B. Verma"),
        new("Indus E-Commerce", "digital-services", "IN", "indus-shop.example", "C. Agarwal"),
        new("Malabar Social", "digital-services", "IN", "malabar-social.example", "S. Nair"),
        new("Godavari Insurance", "finance", "IN", "godavari-insurance.example", "R. Reddy"),
        new("Brahmaputra Fertilisers", "manufacturing", "IN", "brahmaputra-fert.example", "U. Bora"),
        new("Thar Solar Parks", "energy", "IN", "thar-solar.example", "Y. Rathore"),
        new("Mahanadi Steel", "manufacturing", "IN", "mahanadi-steel.example", "I. Patnaik"),
        new("Department of Land Records, Example State", "public-administration", "IN", "landrecords.gov.example", "O. Mishra"),
        new("Example State Transport Corporation", "public-administration", "IN", "state-transport.example", "W. Gupta"),
        new("Vedanta Online Learning", "education", "IN", "vedanta-learning.example", "Q. Saxena"),
        new("Rhein Logistik GmbH", "transport", "DE", "rhein-logistik.example", "J. Becker"),
        new("Elbe Stadtwerke AG", "energy", "DE", "elbe-stadtwerke.example", "M. Schulz"),
        new("Banco Atlântico Digital", "finance", "PT", "atlantico-digital.example", "A. Ferreira"),
        new("Liffey Health Systems", "health", "IE", "liffey-health.example", "C. Byrne"),
    ];
}

/// <summary>A user the seeder creates, with the token it acts with.</summary>
public sealed record DemoUser(string Email, string Role, DemoOrganisation? Organisation)
{
    public string? Id { get; set; }

    public string Token { get; set; } = "";
}
