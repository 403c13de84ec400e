using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// POST /api/v1/affected: an inventory (a CycloneDX SBOM or a product list) in, the documents that affect it out.
/// A bad inventory is refused whole, naming each bad field, rather than answered in part.
/// </summary>
public static class CheckExposure
{
    public static async Task<Results<Ok<AffectedResponse>, ProblemHttpResult>> Check(
        HttpRequest request, ClaimsPrincipal user, ExposureCheck check, CancellationToken cancellationToken)
    {
        var (inventory, problem) = await InventoryBody.ReadAsync(request, cancellationToken);
        return problem is not null ? problem : TypedResults.Ok(await check.CheckAsync(user, inventory!.Components, cancellationToken));
    }
}
