using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Features.ReporterPages;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Web.Walk;

/// <summary>
/// Vigil in its own process on a fresh SQLite file, set up through its API as an operator would after the first start:
/// the CERT's analyst, an Indian organisation that reports with its reporter (a password for the pages), and the
/// CERT's published note on CVE-2019-3568. One headless Chromium (Debian's) drives the pages.
/// </summary>
public sealed class WalkFixture : IAsyncLifetime
{
    public const string ReporterPassword = "correct horse battery staple 2019";

    private IPlaywright? _playwright;

    public ServerProcess Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Analyst { get; private set; } = null!;

    /// <summary>An administrator's API client, to set up what a walk needs through the API.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public string ReporterEmail { get; } = $"desk-{Guid.NewGuid():N}@messaging.example";

    public string OrganisationId { get; private set; } = "";

    public string NoteId { get; private set; } = "";

    /// <summary>Where each step's screenshot goes.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots", "walk")).FullName;

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartAsync();
        // The operator's own administrator (no password, a token) ends the bootstrap token's use; every later person,
        // administrators with a password included, is set up with that token.
        using (var bootstrap = Server.Client(await Server.BootstrapTokenAsync()))
        {
            var operatorAdmin = await CreatedAsync(bootstrap, "/api/v1/users", new JsonObject { ["email"] = $"operator-{Guid.NewGuid():N}@cert.example", ["role"] = "admin" });
            var operatorToken = await CreatedAsync(bootstrap, $"/api/v1/users/{operatorAdmin["id"]}/tokens", new JsonObject { ["name"] = "walk" });
            Admin = Server.Client(operatorToken["token"]!.GetValue<string>());
        }
        var admin = Admin;
        var organisation = await CreatedAsync(admin, "/api/v1/organisations", new JsonObject
        {
            ["name"] = "Example Messaging Ltd", ["sector"] = "telecommunications", ["country"] = "IN",
            ["point_of_contact"] = new JsonObject { ["name"] = "A. Sharma", ["role"] = "Grievance Officer", ["email"] = "security@messaging.example" },
        });
        OrganisationId = organisation["id"]!.GetValue<string>();
        await CreatedAsync(admin, "/api/v1/users", new JsonObject
        {
            ["email"] = ReporterEmail, ["role"] = "reporter", ["organisation_id"] = OrganisationId, ["password"] = ReporterPassword,
        });
        var analyst = await CreatedAsync(admin, "/api/v1/users", new JsonObject { ["email"] = $"analyst-{Guid.NewGuid():N}@cert.example", ["role"] = "analyst" });
        var token = await CreatedAsync(admin, $"/api/v1/users/{analyst["id"]}/tokens", new JsonObject { ["name"] = "walk" });
        Analyst = Server.Client(token["token"]!.GetValue<string>());
        var note = await CreatedAsync(Analyst, "/api/v1/notes", NoteSamples.Cve20193568());
        NoteId = note["id"]!.GetValue<string>();
        await CreatedAsync(Analyst, $"/api/v1/notes/{NoteId}/publication", new JsonObject { ["summary"] = "Initial release." });

        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(30_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserFixture.ChromiumPath, Headless = true });
    }

    /// <summary>A fresh browser (its own cookies), with or without script.</summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString().TrimEnd('/'),
            JavaScriptEnabled = javaScript,
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public static Task ShotAsync(IPage page, string step) =>
        Screenshot.SaveAsync(page, Path.Combine(Screenshots, step + ".png"));

    /// <summary>
    /// A new person of a role (of an organisation for a reporter) with a password for the pages and an API token, as
    /// an administrator sets one up through the API.
    /// </summary>
    public async Task<(string Id, string Email, string Token)> CreateUserAsync(string role, string password, string? organisationId = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@walk.example";
        var body = new JsonObject { ["email"] = email, ["role"] = role, ["password"] = password };
        if (organisationId is not null)
        {
            body["organisation_id"] = organisationId;
        }
        var user = await CreatedAsync(Admin, "/api/v1/users", body);
        var id = user["id"]!.GetValue<string>();
        var token = await CreatedAsync(Admin, $"/api/v1/users/{id}/tokens", new JsonObject { ["name"] = "walk" });
        return (id, email, token["token"]!.GetValue<string>());
    }

    /// <summary>Posts a JSON body through the API and returns the created thing (the call must succeed).</summary>
    public static async Task<JsonNode> CreatedAsync(HttpClient client, string path, JsonObject body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task DisposeAsync()
    {
        Analyst?.Dispose();
        Admin?.Dispose();
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
