using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Vigil.Data.Entities;
using Vigil.Server.Features.Organisations;
using Vigil.Server.Features.Users;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Demo;

/// <summary>
/// The demo's organisations and people, registered as an administrator registers them. The four who sign in get
/// passwords made now, printed once by the caller and stored hashed like any other; there is no fixed demo password.
/// </summary>
public sealed class DemoAccounts
{
    /// <summary>Someone the guide tells the reader to sign in as, with the password made for this load.</summary>
    public sealed record SignIn(string Role, string Email, string Password, string Who);

    public required User Admin { get; init; }
    public required User Analyst { get; init; }
    public required User Oversight { get; init; }
    public required User Vendor { get; init; }
    public required IReadOnlyDictionary<string, User> InventedReporters { get; init; }
    public required IReadOnlyList<SignIn> SignIns { get; init; }

    public const string VendorName = "WhatsApp";

    /// <summary>The organisations the demo invents, by key: name, sector.</summary>
    public static readonly IReadOnlyList<(string Key, string Name, string Sector)> Invented =
    [
        ("bank", "Example Bank (invented example)", "Banking"),
        ("isp", "Example Internet Provider (invented example)", "Telecommunications"),
        ("hospital", "Example Hospital Group (invented example)", "Health"),
    ];

    public static async Task<DemoAccounts> CreateAsync(DemoSteps steps)
    {
        var passwords = new Dictionary<string, string>();
        var admin = await UserAsync(steps, DemoSteps.Itself, "admin@cert.example", Roles.Admin, null, passwords);
        var asAdmin = DemoSteps.As(admin);
        var analyst = await UserAsync(steps, asAdmin, "analyst@cert.example", Roles.Analyst, null, passwords);
        var oversight = await UserAsync(steps, asAdmin, "oversight@ministry.example", Roles.Oversight, null, passwords);
        var vendorOrg = await OrganisationAsync(steps, asAdmin, VendorName, "Messaging", "US", "security@messaging.example");
        var vendor = await UserAsync(steps, asAdmin, "reporter@messaging.example", Roles.Reporter, vendorOrg.Id, passwords);
        var reporters = new Dictionary<string, User>();
        foreach (var (key, name, sector) in Invented)
        {
            var organisation = await OrganisationAsync(steps, asAdmin, name, sector, "IN", $"security@{key}.example");
            // Invented reporters file the invented incidents; no one signs in as them, so they have no password.
            reporters[key] = await UserAsync(steps, asAdmin, $"reporter@{key}.example", Roles.Reporter, organisation.Id, null);
        }
        return new DemoAccounts
        {
            Admin = admin, Analyst = analyst, Oversight = oversight, Vendor = vendor, InventedReporters = reporters,
            SignIns =
            [
                new(Roles.Admin, admin.Email, passwords[admin.Email], "the CERT's administrator"),
                new(Roles.Analyst, analyst.Email, passwords[analyst.Email], "a CERT analyst: triage inbox, incidents, notes, indicators"),
                new(Roles.Reporter, vendor.Email, passwords[vendor.Email], $"the reporter of {VendorName}: its incident and receipts"),
                new(Roles.Oversight, oversight.Email, passwords[oversight.Email], "oversight: timeliness and completeness, no confidential content"),
            ],
        };
    }

    /// <summary>A password no one chose: 120 random bits, printed once.</summary>
    public static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');

    private static Task<User> UserAsync(
        DemoSteps steps, System.Security.Claims.ClaimsPrincipal actor, string email, string role, string? organisationId, Dictionary<string, string>? passwords) =>
        steps.AtAsync("2019-05-01T09:00:00+05:30", async services =>
        {
            var body = new JsonObject { ["email"] = email, ["role"] = role };
            if (organisationId is not null)
            {
                body["organisation_id"] = organisationId;
            }
            if (passwords is not null)
            {
                body["password"] = passwords[email] = NewPassword();
            }
            var outcome = await services.GetRequiredService<UserAdministration>().CreateAsync(DemoSteps.Body(body), actor, CancellationToken.None);
            return outcome is UserAdministration.Done done ? done.User
                : throw DemoSteps.Refused("user " + email, null, (outcome as UserAdministration.Invalid)?.Errors);
        });

    private static Task<Organisation> OrganisationAsync(
        DemoSteps steps, System.Security.Claims.ClaimsPrincipal actor, string name, string sector, string country, string contact) =>
        steps.AtAsync("2019-05-01T09:00:00+05:30", async services =>
        {
            var body = new JsonObject
            {
                ["name"] = name, ["sector"] = sector, ["country"] = country,
                ["point_of_contact"] = new JsonObject { ["name"] = "Security team", ["email"] = contact },
            };
            var (organisation, errors) = await services.GetRequiredService<OrganisationAdministration>().CreateAsync(DemoSteps.Body(body), actor, CancellationToken.None);
            return organisation ?? throw DemoSteps.Refused("organisation " + name, null, errors);
        });
}
