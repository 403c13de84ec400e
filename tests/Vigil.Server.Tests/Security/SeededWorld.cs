using System.Net;
using System.Text.RegularExpressions;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Affected;
using Vigil.Server.Tests.Features.Indicators;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Security;

/// <summary>
/// One of each thing the routes name (an incident, a published and a draft note, a collection with an indicator, an
/// imported advisory, an organisation, a user and its token), the people who may act on them, and a page session;
/// so that a test driven by the route table can call each route on something that exists, as someone allowed to.
/// </summary>
public sealed partial class SeededWorld
{
    private readonly Dictionary<string, Actor> _actors;

    private SeededWorld(Dictionary<string, Actor> actors) => _actors = actors;

    public Actor Reporter => _actors[Roles.Reporter];

    public Actor Analyst => _actors[Roles.Analyst];

    public Actor Admin => _actors[Roles.Admin];

    /// <summary>The reporter's page session: the value of the session cookie.</summary>
    public string Session { get; private set; } = "";

    public string IncidentId { get; private set; } = "";

    public string NoteId { get; private set; } = "";

    public string DraftNoteId { get; private set; } = "";

    public string CollectionId { get; private set; } = "";

    public string IndicatorId { get; private set; } = "";

    public string AdvisoryId { get; private set; } = "";

    public string TokenId { get; private set; } = "";

    /// <summary>The published note's CSAF document: its year folder and file name.</summary>
    public (string Year, string File) CsafDocument { get; private set; }

    public static async Task<SeededWorld> CreateAsync(VigilFactory factory)
    {
        var world = new SeededWorld(new()
        {
            [Roles.Reporter] = await factory.CreateActorAsync(Roles.Reporter),
            [Roles.Analyst] = await factory.CreateActorAsync(Roles.Analyst),
            [Roles.Admin] = await factory.CreateActorAsync(Roles.Admin),
            [Roles.Oversight] = await factory.CreateActorAsync(Roles.Oversight),
        });
        var analyst = world.Analyst.Client;
        world.IncidentId = await world.Reporter.Client.FileAsync(Api.Report());
        world.NoteId = await AffectedSamples.PublishAsync(analyst, NoteSamples.Minimal());
        world.DraftNoteId = await analyst.CreateNoteAsync(NoteSamples.Minimal("A draft"));
        world.CollectionId = await analyst.CreateCollectionAsync("CLEAR");
        await analyst.AddPatternsAsync(world.CollectionId, "[domain-name:value = 'wha.tsapp.me']");
        world.IndicatorId = (await analyst.GetNodeAsync($"{CollectionApi.Root}/{world.CollectionId}"))["indicators"]![0]!["id"]!.GetValue<string>();
        var imported = await analyst.PostJsonAsync("/api/v1/advisories/import", CsafSamples.WhatsApp2019().ToJsonString());
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        world.AdvisoryId = (await imported.JsonAsync())["id"]!.ToString();
        world.TokenId = (await world.Admin.Client.GetNodeAsync($"/api/v1/users/{world.Reporter.UserId}/tokens"))[0]!["id"]!.GetValue<string>();
        var index = await (await analyst.GetAsync("/.well-known/csaf/white/index.txt")).Content.ReadAsStringAsync();
        var path = index.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Split('/');
        world.CsafDocument = (path[0], path[1]);
        world.Session = await SignInToPagesAsync(factory, world.Reporter.Token);
        return world;
    }

    /// <summary>The roles that pass a route's policies (all of them, for a route open to anyone).</summary>
    public static IReadOnlyList<string> RolesAllowed(RouteEntry route)
    {
        IEnumerable<string> roles = [Roles.Reporter, Roles.Analyst, Roles.Admin, Roles.Oversight];
        foreach (var policy in (route.Policy ?? "").Split('+', StringSplitOptions.RemoveEmptyEntries))
        {
            roles = roles.Where(role => policy switch
            {
                Policies.Staff => role is Roles.Analyst or Roles.Admin,
                Policies.CaseReaders => role is Roles.Reporter or Roles.Analyst or Roles.Admin,
                _ when Roles.All.Contains(policy) => role == policy,
                _ => true,
            });
        }
        return [.. roles];
    }

    public Actor As(string role) => _actors[role];

    /// <summary>Pages answer to the session cookie alone; everything else to a bearer token.</summary>
    public static bool IsPage(RouteEntry route) => route.Policy?.Split('+').Any(Policies.IsPageSession) == true;

    /// <summary>The route's path with each parameter filled by the seeded thing it names.</summary>
    public string Fill(RouteEntry route) => Parameter().Replace(route.Pattern, match =>
    {
        var before = route.Pattern[..match.Index].TrimEnd('/');
        var owner = before[(before.LastIndexOf('/') + 1)..];
        return (owner, match.Groups["name"].Value) switch
        {
            ("incidents", "id") => IncidentId,
            ("notes", "id") when route.Method == "PUT" || route.Pattern.EndsWith("/publication", StringComparison.Ordinal) => DraftNoteId,
            ("notes", "id") => NoteId,
            ("indicator-collections", "id") => CollectionId,
            (_, "indicatorId") => Uri.EscapeDataString(IndicatorId),
            ("organisations", "id") => Reporter.OrganisationId!,
            ("users", "id") => Reporter.UserId,
            ("tokens", "id") => TokenId,
            ("advisories", "id") => AdvisoryId,
            (_, "sequence") => "1",
            (_, "index") => "0",
            ("csaf", "directory") or (_, "label") => "white",
            (_, "year") => CsafDocument.Year,
            (_, "file") when route.Pattern.StartsWith("/.well-known/csaf/{directory}/{year", StringComparison.Ordinal) => CsafDocument.File,
            (_, "documentName") when route.Pattern.StartsWith("/openapi", StringComparison.Ordinal) => "v1",
            (_, "documentName") => "",
            (_, "path") => "0/000.p/1",
            _ => "unknown",
        };
    });

    private static async Task<string> SignInToPagesAsync(VigilFactory factory, string token)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var response = await PageForms.SignInAsync(client, ("token", token));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return PageForms.SessionOf(response);
    }

    [GeneratedRegex(@"\{(\*\*)?(?<name>[A-Za-z]+)(:[a-z]+)?\??\}")]
    private static partial Regex Parameter();
}
