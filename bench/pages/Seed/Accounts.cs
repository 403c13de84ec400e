using System.Text.Json.Nodes;

namespace Vigil.Bench.Pages.Seed;

/// <summary>
/// The people: an administrator of the seeder's own (the bootstrap token stops once it exists), CERT analysts, an
/// oversight reader, and one or two reporters per organisation, each with a password (for the pages) and a token.
/// </summary>
public sealed class Accounts(VigilApi api)
{
    /// <summary>Every seeded user's password: the benchmark signs a reporter in with it. Demo data only.</summary>
    public const string Password = "demo-password-not-secret";

    public DemoUser Admin { get; } = new("admin@cert.example", "admin", null);

    public List<DemoUser> Analysts { get; } = [];

    public List<DemoUser> Everyone { get; } = [];

    public DemoUser Oversight { get; private set; } = null!;

    /// <summary>An administrator with a password, for the administrator's pages (the seeder's own has a token only).</summary>
    public DemoUser PagesAdmin { get; private set; } = null!;

    public async Task CreateAsync(string bootstrapToken, IReadOnlyList<DemoOrganisation> organisations, int analysts)
    {
        // Without a password first, then its token: the token is what makes the bootstrap token stop working.
        Admin.Id = (await api.PostAsync(bootstrapToken, "/api/v1/users", new JsonObject { ["email"] = Admin.Email, ["role"] = "admin" }))["id"]!.GetValue<string>();
        Admin.Token = (await api.PostAsync(bootstrapToken, $"/api/v1/users/{Admin.Id}/tokens", new JsonObject { ["name"] = "demo seeding" }))["token"]!.GetValue<string>();
        Everyone.Add(Admin);

        foreach (var organisation in organisations)
        {
            organisation.Id = (await api.PostAsync(Admin.Token, "/api/v1/organisations", organisation.Body()))["id"]!.GetValue<string>();
        }
        for (var i = 1; i <= analysts; i++)
        {
            Analysts.Add(await CreateUserAsync(new DemoUser($"analyst{i}@cert.example", "analyst", null)));
        }
        Oversight = await CreateUserAsync(new DemoUser("oversight@ministry.example", "oversight", null));
        PagesAdmin = await CreateUserAsync(new DemoUser("administrator@cert.example", "admin", null));
        // Most organisations have two people who report; the smaller ones one. Passwords are hashed slowly on purpose,
        // so the organisations' people are created side by side.
        await Parallel.ForEachAsync(Enumerable.Range(0, organisations.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var organisation = organisations[i];
            for (var n = 1; n <= (i < organisations.Count * 4 / 5 ? 2 : 1); n++)
            {
                organisation.Reporters.Add(await CreateUserAsync(new DemoUser($"reporter{n}@{organisation.Domain}", "reporter", organisation)));
            }
        });
    }

    private async Task<DemoUser> CreateUserAsync(DemoUser user)
    {
        var body = new JsonObject { ["email"] = user.Email, ["role"] = user.Role, ["password"] = Password };
        if (user.Organisation is { } organisation) { body["organisation_id"] = organisation.Id; }
        user.Id = (await api.PostAsync(Admin.Token, "/api/v1/users", body))["id"]!.GetValue<string>();
        user.Token = (await api.PostAsync(Admin.Token, $"/api/v1/users/{user.Id}/tokens", new JsonObject { ["name"] = "demo" }))["token"]!.GetValue<string>();
        lock (Everyone)
        {
            Everyone.Add(user);
        }
        return user;
    }
}
