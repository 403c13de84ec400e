using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Domain.Sharing;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Aggregation;
using Vigil.Server.Tests.Features.Indicators;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Security;

/// <summary>Who calls, as the matrix sees them: a name, how the audience rule sees them, and how to make another like them.</summary>
public sealed record Caller(string Name, string? Role, string? OrganisationId, AudienceReader Reader, HttpClient Client, string? UserId, bool BadCredential = false)
{
    public bool SignedIn => Reader.IsSignedIn;

    public override string ToString() => Name;
}

/// <summary>The things of one TLP label the matrix reads and writes: one of each kind Vigil labels.</summary>
public sealed record LabelledThings(
    string Label, string Incident, long IncidentLeaf, string Attachment, string Note, string NoteDocumentPath, string Collection, string CollectionIndicator, long? Advisory);

/// <summary>
/// A server holding, for every TLP label, an incident of organisation A (filed by A's reporter), a published note, an
/// indicator collection with one indicator and an imported advisory (written by the analyst, so named on the RED
/// ones); and the callers: the public, a reporter of A and of B, an analyst, oversight, an admin, a disabled user.
/// </summary>
public sealed class MatrixWorld : IAsyncLifetime
{
    private readonly TestHost _host;

    /// <summary>The world on a server in process (the matrix and most tests).</summary>
    public MatrixWorld()
        : this(TestHost.InProcess(new VigilFactory()))
    {
    }

    private MatrixWorld(TestHost host) => _host = host;

    /// <summary>The world on another server, such as one on Kestrel for a browser.</summary>
    public static MatrixWorld On(TestHost host) => new(host);

    /// <summary>
    /// A word only things of one label carry (in an incident's description and indicator, a note's description, a
    /// collection's indicator, an advisory's title), so that a leak of that label's content shows in any answer.
    /// No label's word is part of another's.
    /// </summary>
    public static string Sentinel(string label) => "sentinel" + label switch
    {
        TlpLabel.Clear => "clr",
        TlpLabel.Green => "grn",
        TlpLabel.Amber => "amb",
        TlpLabel.AmberStrict => "ams",
        _ => "red",
    } + "x";

    public TestHost Host => _host;

    public List<Caller> Callers { get; } = [];

    public Dictionary<string, LabelledThings> Things { get; } = [];

    public string OrganisationA { get; private set; } = "";

    public string OrganisationB { get; private set; } = "";

    public string TargetUser { get; private set; } = "";

    public Caller Analyst => Callers.Single(c => c.Name == "analyst");

    public Caller ReporterA => Callers.Single(c => c.Name == "reporter A");

    public async Task InitializeAsync()
    {
        var a = await CreateActorAsync(Roles.Reporter);
        var b = await CreateActorAsync(Roles.Reporter);
        (OrganisationA, OrganisationB) = (a.OrganisationId!, b.OrganisationId!);
        var analyst = await CreateActorAsync(Roles.Analyst);
        TargetUser = (await CreateActorAsync(Roles.Reporter, OrganisationB)).UserId;
        Callers.Add(new Caller("anonymous", null, null, AudienceReader.Public, Client(null), null));
        Callers.Add(Member("reporter A", a));
        Callers.Add(Member("reporter B", b));
        Callers.Add(new Caller("analyst", Roles.Analyst, null, new AudienceReader(ReaderStanding.Cert, analyst.UserId, null), Client(analyst), analyst.UserId));
        foreach (var (name, role, standing) in new[] { ("admin", Roles.Admin, ReaderStanding.Cert), ("oversight", Roles.Oversight, ReaderStanding.Oversight) })
        {
            var actor = await CreateActorAsync(role);
            Callers.Add(new Caller(name, role, null, new AudienceReader(standing, actor.UserId, null), Client(actor), actor.UserId));
        }
        // A disabled account: its token still exists but must not authenticate; it reads as the public.
        var disabled = await CreateActorAsync(Roles.Analyst);
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            await db.Users.Where(u => u.Id == disabled.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow()));
        }
        Callers.Add(new Caller("disabled", null, null, AudienceReader.Public, Client(disabled), disabled.UserId, BadCredential: true));

        foreach (var label in TlpLabel.All)
        {
            Things[label] = await MakeAsync(label, a.Client, analyst.Client);
        }
    }

    /// <summary>A new caller like <paramref name="like"/> (same role and organisation), for a write that may change its own account.</summary>
    public async Task<Caller> FreshAsync(Caller like)
    {
        if (like.Role is null)
        {
            return like;
        }
        var actor = await CreateActorAsync(like.Role, like.OrganisationId);
        var reader = like.Reader with { UserId = actor.UserId };
        return like with { Client = Client(actor), UserId = actor.UserId, Reader = reader };
    }

    private Caller Member(string name, Actor actor) =>
        new(name, Roles.Reporter, actor.OrganisationId, new AudienceReader(ReaderStanding.Member, actor.UserId, actor.OrganisationId), Client(actor), actor.UserId);

    /// <summary>A client that does not follow redirects, so that a page's "sign in first" (303) is seen as such.</summary>
    private HttpClient Client(Actor? actor) => actor is null ? _host.NewClient() : _host.NewClient(actor.Token);

    private async Task<Actor> CreateActorAsync(string role, string? organisationId = null)
    {
        var created = await Seed.UserAsync(_host.Services, role, organisationId);
        return new Actor(created.UserId, created.OrganisationId, created.Token, _host.NewClient(created.Token));
    }

    private static async Task<LabelledThings> MakeAsync(string label, HttpClient reporter, HttpClient analyst)
    {
        var secret = Sentinel(label);
        var uploaded = await reporter.PostAsync("/api/v1/attachments?name=evidence.log", new StringContent($"call log: {secret} rang at 02:14"));
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
        var attachment = (await uploaded.JsonAsync())["sha256"]!.GetValue<string>();
        var filed = await reporter.PostJsonAsync("/api/v1/incidents", CollectionApi.ReportWithIndicators(label)
            .Replace("Crafted RTCP packets", secret + " in the description", StringComparison.Ordinal)
            .Replace("wha.tsapp.me", $"{secret}.example", StringComparison.Ordinal)
            .Replace("\"indicators\":", $"\"attachments\": [{{\"sha256\": \"{attachment}\"}}], \"indicators\":", StringComparison.Ordinal));
        Assert.True(filed.IsSuccessStatusCode, await filed.Content.ReadAsStringAsync());
        var receipt = (await filed.JsonAsync())["receipt"]!;
        var incident = receipt["incident_id"]!.GetValue<string>();

        var body = NoteSamples.Minimal($"Matrix note {label}", label);
        body["description"] = $"The {secret} page passes the host name to a shell.";
        var note = await analyst.CreateNoteAsync(body);
        var published = await analyst.PublishNoteAsync(note);
        var csaf = new Uri(published["note"]!["links"]!["csaf"]!.GetValue<string>()).AbsolutePath;

        var collection = await analyst.CreateCollectionAsync(label, $"Matrix {label}");
        await analyst.AddPatternsAsync(collection, $"[domain-name:value = 'collection.{secret}.example']");
        var indicator = (await analyst.GetNodeAsync($"/api/v1/indicator-collections/{collection}"))["indicators"]![0]!["id"]!.GetValue<string>();

        long? advisory = null;
        if (label != TlpLabel.AmberStrict)
        {
            var csafLabel = label == TlpLabel.Clear ? "WHITE" : label;
            var content = new ByteArrayContent(StaticCsafProvider.DocumentIn("https://matrix.example", $"MATRIX-{secret}", tlp: csafLabel));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var imported = await analyst.PostAsync("/api/v1/advisories/import", content);
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
            advisory = (await imported.JsonAsync())["id"]!.GetValue<long>();
        }
        return new LabelledThings(label, incident, receipt["leaf_index"]!.GetValue<long>(), attachment, note, csaf, collection, indicator, advisory);
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }
}
