using System.Net;
using Vigil.Domain.Sharing;

namespace Vigil.Server.Tests.Security;

/// <summary>
/// Nothing of a label a caller may not read reaches it through any endpoint: every GET route of the app, for every
/// label's things, read by every caller; each answer is searched for the words only things of an unreadable label
/// carry (descriptions, indicators, titles). This covers lists, exports, CSAF and STIX files, pages, figures and the
/// record alike, and in particular oversight, which must never receive a description or an indicator above GREEN.
/// </summary>
public sealed class LeakTests(MatrixWorld world) : IClassFixture<MatrixWorld>
{
    [Fact]
    public async Task No_answer_carries_content_of_a_label_its_caller_may_not_read()
    {
        var leaks = new List<string>();
        var reads = 0;
        foreach (var route in RouteTable.Read(world.Host.Services).Where(r => r.Method == "GET"))
        {
            foreach (var label in TlpLabel.All)
            {
                if (RoutePlans.Plan(route, label, world) is not { } plan)
                {
                    continue;
                }
                foreach (var caller in world.Callers)
                {
                    var response = await caller.Client.GetAsync(plan.Path);
                    reads++;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        continue;
                    }
                    var body = await response.Content.ReadAsStringAsync();
                    foreach (var hidden in TlpLabel.All.Where(l => !MayReadAnything(caller, l)))
                    {
                        if (body.Contains(MatrixWorld.Sentinel(hidden), StringComparison.OrdinalIgnoreCase))
                        {
                            leaks.Add($"GET {plan.Path} [{route.Pattern}] as {caller}: carries {hidden} content");
                        }
                    }
                }
            }
        }
        Assert.True(reads > 1000, $"only {reads} reads were made");
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(100)));
    }

    /// <summary>Whether the caller may read any of the world's things of this label: the incident, or what the CERT wrote.</summary>
    private bool MayReadAnything(Caller caller, string label) =>
        TlpAudience.MayRead(caller.Reader, new LabelledFacts(label, world.OrganisationA, ReaderNamed: caller.UserId == world.ReporterA.UserId))
        || TlpAudience.MayRead(caller.Reader, new LabelledFacts(label, null, ReaderNamed: caller.UserId == world.Analyst.UserId));
}
