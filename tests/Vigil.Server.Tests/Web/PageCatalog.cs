using Vigil.Domain.Sharing;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Security;

namespace Vigil.Server.Tests.Web;

/// <summary>One page to check: its path, and whether it is read signed in (a reporter's page session) or as the public.</summary>
public sealed record PageVisit(string Pattern, string Path, bool SignedIn)
{
    public override string ToString() => $"{Path} ({(SignedIn ? "signed in" : "public")})";
}

/// <summary>
/// Every page of the app (the component endpoints of its route table answering GET), each filled with the world's
/// things of one readable label, visited by the public (when open to it) and by a reporter signed in to the pages.
/// </summary>
public static class PageCatalog
{
    public static IReadOnlyList<PageVisit> Visits(MatrixWorld world)
    {
        var visits = new List<PageVisit>();
        foreach (var route in RouteTable.Read(world.Host.Services).Where(r => r.Method == "GET" && r.TakesForm))
        {
            // CLEAR things: every reader may see them, so the page shows content rather than "not found".
            if (RoutePlans.Plan(route, TlpLabel.Clear, world) is not { } plan)
            {
                continue;
            }
            var open = route.AllowsAnonymous || route.Policy?.Split('+').All(p => p is Policies.OpenPages or Policies.Public) == true;
            if (open)
            {
                visits.Add(new PageVisit(route.Pattern, plan.Path, SignedIn: false));
            }
            visits.Add(new PageVisit(route.Pattern, plan.Path, SignedIn: true));
        }
        return visits;
    }
}
