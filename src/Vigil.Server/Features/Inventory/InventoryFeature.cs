using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Data;
using Vigil.Server.Features.Affected;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Inventory;

/// <summary>
/// An organisation's inventory (what it runs, from an SBOM or a product list) kept by Vigil, and its exposure: the
/// notes and imported advisories that affect it now, as "am I affected?" answers, within the caller's TLP audience.
/// </summary>
public static class InventoryFeature
{
    public static IServiceCollection AddInventory(this IServiceCollection services)
    {
        services.AddScoped<InventoryStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapInventory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations/{id}").WithTags("Inventory").RequireAuthorization(Policies.CaseReaders);
        group.MapPut("/inventory", Replace).Accepts<object>("application/json")
            .WithName("ReplaceInventory").WithSummary("Replace the organisation's inventory with a CycloneDX SBOM (1.4 to 1.6) or a product list");
        group.MapGet("/inventory", Read).WithName("GetInventory").WithSummary("The organisation's inventory");
        group.MapGet("/exposure", Exposure).WithName("GetExposure")
            .WithSummary("Every note and imported advisory you may read that affects the organisation's inventory, why, and what to do");
        return app;
    }

    private static async Task<Results<Ok<InventoryResponse>, ProblemHttpResult>> Replace(
        string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, InventoryStore store, CancellationToken cancellationToken)
    {
        if (!await InventoryAccess.MayUseAsync(user, id, db, cancellationToken))
        {
            return Problems.NotFound("organisation " + id);
        }
        var (inventory, problem) = await InventoryBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        return TypedResults.Ok(InventoryResponse.From(await store.ReplaceAsync(id, user.UserId(), inventory!, cancellationToken)));
    }

    private static async Task<Results<Ok<InventoryResponse>, ProblemHttpResult>> Read(
        string id, ClaimsPrincipal user, VigilDbContext db, InventoryStore store, CancellationToken cancellationToken)
    {
        if (!await InventoryAccess.MayUseAsync(user, id, db, cancellationToken))
        {
            return Problems.NotFound("organisation " + id);
        }
        return await store.LoadAsync(id, cancellationToken) is { } stored
            ? TypedResults.Ok(InventoryResponse.From(stored))
            : Problems.NotFound($"inventory for organisation {id}: upload one with PUT");
    }

    private static async Task<Results<Ok<ExposureResponse>, ProblemHttpResult>> Exposure(
        string id, ClaimsPrincipal user, VigilDbContext db, InventoryStore store, ExposureCheck check, CancellationToken cancellationToken)
    {
        if (!await InventoryAccess.MayUseAsync(user, id, db, cancellationToken))
        {
            return Problems.NotFound("organisation " + id);
        }
        if (await store.LoadAsync(id, cancellationToken) is not { } stored)
        {
            return Problems.NotFound($"inventory for organisation {id}: upload one with PUT");
        }
        return TypedResults.Ok(new ExposureResponse(id, stored.Header.UpdatedAt, await check.CheckAsync(user, stored.Components, cancellationToken)));
    }
}
