using System.Net;
using System.Text;
using Vigil.Domain.Sharing;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Security;

/// <summary>
/// Every endpoint of the running app (from its route table) × every caller (the public, reporters of two
/// organisations, an analyst, oversight, an admin, a disabled user) × every TLP label of the thing it acts on: the
/// answer must be what the endpoint's declared policy and the audience rule say. A write is sent as an empty JSON
/// object by a new caller like the one named, so that no call can change the callers of the next: a caller let
/// through gets a validation answer, one kept out gets 401, 403 or 404.
/// </summary>
public sealed class AccessMatrixTests(MatrixWorld world) : IClassFixture<MatrixWorld>
{
    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_its_policy_and_the_audience_rule_say()
    {
        var routes = RouteTable.Read(world.Host.Services);
        Assert.True(routes.Count > 100, $"only {routes.Count} routes were read");
        var wrong = new List<string>();
        var calls = 0;
        foreach (var route in routes)
        {
            foreach (var label in TlpLabel.All)
            {
                if (RoutePlans.Plan(route, label, world) is not { } plan)
                {
                    continue;
                }
                foreach (var named in world.Callers)
                {
                    var caller = route.Method == "GET" ? named : await world.FreshAsync(named);
                    var expected = Expected(route, plan, caller);
                    var response = await SendAsync(caller.Client, route, plan.Path);
                    calls++;
                    var observed = Observed(response);
                    var accepted = observed == expected
                        || (expected == Outcome.Passed && observed == Outcome.Hidden && plan.MayFindNothing)
                        || (route.Pattern == "/sign-in" && observed is Outcome.Unauthenticated or Outcome.Forbidden && expected == Outcome.Passed);
                    if ((int)response.StatusCode >= 500 || !accepted)
                    {
                        wrong.Add($"{route.Method} {plan.Path} [{route.Pattern}, {label}] as {named}: expected {expected}, got {(int)response.StatusCode}");
                    }
                }
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {calls} calls answered wrongly:\n" + string.Join("\n", wrong.Take(400)));
    }

    private static Outcome Expected(RouteEntry route, PlannedCall plan, Caller caller)
    {
        if (!route.AllowsAnonymous)
        {
            foreach (var policy in (route.Policy ?? "").Split('+'))
            {
                if (!PolicyAllows(policy, caller))
                {
                    return caller.SignedIn && !Policies.IsPageSession(policy) ? Outcome.Forbidden : Outcome.Unauthenticated;
                }
            }
        }
        return plan.Reaches is { } reaches && !reaches(caller) ? Outcome.Hidden : Outcome.Passed;
    }

    /// <summary>Who each declared policy lets in; an unknown policy fails the matrix.</summary>
    private static bool PolicyAllows(string policy, Caller caller) => policy switch
    {
        // A token that does not authenticate is refused even where the public is let in.
        Policies.Public => !caller.BadCredential,
        Policies.OpenPages => true,
        Policies.SignedIn or "(default)" or Policies.TotpEnrolment => caller.SignedIn,
        Policies.Staff => caller.SignedIn && caller.Role is Roles.Analyst or Roles.Admin,
        Policies.Filers => caller.SignedIn && caller.Role is Roles.Reporter or Roles.Analyst,
        Policies.CaseReaders => caller.SignedIn && caller.Role is Roles.Reporter or Roles.Analyst or Roles.Admin,
        // A bearer token never opens a page session: the pages send it to sign in.
        _ when Policies.IsPageSession(policy) => false,
        Roles.Admin or Roles.Analyst or Roles.Reporter or Roles.Oversight => caller.SignedIn && caller.Role == policy,
        _ => throw new InvalidOperationException($"The access matrix does not know policy '{policy}'."),
    };

    private static Outcome Observed(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized => Outcome.Unauthenticated,
        HttpStatusCode.SeeOther when response.Headers.Location?.OriginalString == "/sign-in" => Outcome.Unauthenticated,
        HttpStatusCode.Forbidden => Outcome.Forbidden,
        HttpStatusCode.NotFound => Outcome.Hidden,
        _ => Outcome.Passed,
    };

    /// <summary>An empty JSON object, or for a page's form an empty form (which fails the form's antiforgery check: a 400).</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, RouteEntry route, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = route.TakesForm ? new FormUrlEncodedContent([]) : new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return client.SendAsync(request);
    }
}
