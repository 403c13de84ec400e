using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Domain.Exposure;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// POST /api/v1/affected: an inventory (a CycloneDX SBOM or a product list) in, the documents that affect it out.
/// A bad inventory is refused whole, naming each bad field, rather than answered in part.
/// </summary>
public static class CheckExposure
{
    /// <summary>SBOMs are larger than other requests: 16 MiB holds tens of thousands of components.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    public static async Task<Results<Ok<AffectedResponse>, ProblemHttpResult>> Check(
        HttpRequest request, ClaimsPrincipal user, ExposureCheck check, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes + 1;
        }
        var (document, problem) = await JsonBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var (components, errors) = InventoryReader.Read(document!.RootElement);
            if (errors.Count > 0)
            {
                return Problems.InvalidFields(errors, title: "The inventory cannot be read");
            }
            return TypedResults.Ok(await check.CheckAsync(user, components, cancellationToken));
        }
    }
}
