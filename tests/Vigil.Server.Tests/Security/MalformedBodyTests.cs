using System.Collections.Concurrent;
using System.Net.Http.Headers;
using CsCheck;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Security;

public sealed class MalformedBodyOnSqliteTests(VigilFactory factory) : MalformedBodyTests<VigilFactory>(factory, 100_000);

/// <summary>A quicker run on PostgreSQL: the same requests, fewer of them.</summary>
public sealed class MalformedBodyOnPostgresTests(PostgresVigilFactory factory) : MalformedBodyTests<PostgresVigilFactory>(factory, 4_000);

/// <summary>
/// Finding "malformed input answers 500" at scale: generated malformed bodies (<see cref="MalformedRequests"/>) sent to
/// every write endpoint of the route table, on something that exists, as someone allowed to call it, with and without
/// an Idempotency-Key. None may answer 5xx or be accepted; every API refusal is problem+json (the pages answer with a
/// page); and afterwards every table holds as many rows as before and the log is as large.
/// </summary>
public abstract class MalformedBodyTests<TFactory>(TFactory factory, int bodies) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task Malformed_bodies_on_every_write_endpoint_are_refused_as_problems_and_change_nothing()
    {
        var world = await SeededWorld.CreateAsync(factory);
        var targets = Targets(world);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var before = await DatabaseCensus.TakeAsync(factory);
        var sent = new ConcurrentDictionary<string, int>();

        await Gen.Int[0, targets.Count - 1].SelectMany(i => MalformedRequests.For(targets[i])).SampleAsync(async request =>
        {
            using var response = await client.SendAsync(Build(request, world));
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            // A page's form answers with a page; one sent something that is no form at all is told so as a problem.
            var expected = request.Target.IsForm && status != 415 ? "text/html" : "application/problem+json";
            if (status is < 400 or >= 500 || type != expected)
            {
                throw new InvalidOperationException($"answered {status} {type}: {await response.Content.ReadAsStringAsync()}");
            }
            sent.AddOrUpdate($"{request.Target.Route}: {request.Kind}", 1, (_, n) => n + 1);
        }, iter: bodies, threads: 4, print: request => request.ToString());

        Assert.Equal(before, await DatabaseCensus.TakeAsync(factory));
        var untried = targets.Where(t => !sent.Keys.Any(k => k.StartsWith(t.Route + ":", StringComparison.Ordinal))).ToList();
        Assert.True(untried.Count == 0, "never sent: " + string.Join(", ", untried.Select(t => t.Route)));
    }

    private List<FuzzTarget> Targets(SeededWorld world)
    {
        var samples = WriteEndpoints.Samples(world);
        var routes = RouteTable.Read(factory).Where(r => WriteEndpoints.Methods.Contains(r.Method)).ToList();
        var unknown = routes.Where(r => !samples.ContainsKey(r.ToString()) && !WriteEndpoints.IsForm(r) && !WriteEndpoints.WithoutBody.Contains(r.ToString())).ToList();
        Assert.True(unknown.Count == 0, "Add a sample body to WriteEndpoints (or list the endpoint as taking none) for: " + string.Join("; ", unknown));
        return [.. routes.Where(r => !WriteEndpoints.WithoutBody.Contains(r.ToString())).Select(route =>
        {
            var isForm = WriteEndpoints.IsForm(route);
            var sample = isForm ? samples["PUT /api/v1/organisations/{id}/inventory"] : samples[route.ToString()];
            IReadOnlyList<string> callers = isForm && SeededWorld.IsPage(route) ? [FuzzTarget.Session]
                : route.AllowsAnonymous && route.Policy is null ? [FuzzTarget.Anonymous]
                : route.Policy == Policies.Public ? [FuzzTarget.Anonymous, Roles.Reporter]
                : [SeededWorld.RolesAllowed(route).FirstOrDefault() ?? Roles.Reporter];
            return new FuzzTarget(route, world.Fill(route), sample, callers);
        })];
    }

    private static HttpRequestMessage Build(FuzzCase request, SeededWorld world)
    {
        var content = new ByteArrayContent(request.Body);
        if (request.ContentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        }
        var message = new HttpRequestMessage(new HttpMethod(request.Target.Route.Method), request.Target.Path) { Content = content };
        if (request.Caller == FuzzTarget.Session)
        {
            message.Headers.Add("Cookie", $"vigil_session={world.Session}");
        }
        else if (request.Caller != FuzzTarget.Anonymous)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", world.As(request.Caller).Token);
        }
        if (request.Origin is not null)
        {
            message.Headers.Add("Origin", request.Origin);
        }
        if (request.IdempotencyKey is not null)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", request.IdempotencyKey);
        }
        return message;
    }
}
