using Vigil.Domain.Sharing;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Security;

namespace Vigil.Server.Tests.Web;

/// <summary>
/// One page to check: its path, and who reads it: the public (<see cref="Reader"/> null) or one of the world's callers
/// signed in to the pages (reporter A for the reporters' pages, the analyst, oversight or the admin for theirs).
/// </summary>
public sealed record PageVisit(string Pattern, string Path, string? Reader)
{
    public bool SignedIn => Reader is not null;

    public override string ToString() => $"{Path} ({Reader ?? "public"})";
}

/// <summary>
/// Every page of the app (the component endpoints of its route table answering GET), each filled with the world's
/// things of one readable label, visited by the public (when open to it) and signed in by the reader it is for.
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
                visits.Add(new PageVisit(route.Pattern, plan.Path, Reader: null));
            }
            visits.Add(new PageVisit(route.Pattern, plan.Path, ReaderFor(route.Policy)));
        }
        return visits;
    }

    /// <summary>The caller who signs in to read a page: the first role its page policy lets in, else reporter A.</summary>
    public static string ReaderFor(string? policy)
    {
        var roles = (policy ?? "").Split('+').SelectMany(p => Policies.RolePages.Where(r => r.Name == p).SelectMany(r => r.Roles)).ToList();
        return roles.FirstOrDefault() switch
        {
            null or Roles.Reporter => "reporter A",
            var role => role,
        };
    }
}
