using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Domain.Exposure;
using Vigil.Domain.Validation;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// An inventory as a request carries it: a CycloneDX JSON SBOM or a product list, read whole or refused naming each
/// bad field. Shared by "am I affected?", an organisation's stored inventory and the upload page.
/// </summary>
public static class InventoryBody
{
    /// <summary>SBOMs are larger than other requests: 16 MiB holds tens of thousands of components.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    public const string ProblemTitle = "The inventory cannot be read";

    public sealed record Read(IReadOnlyList<InventoryComponent> Components, string Format);

    public static async Task<(Read? Inventory, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        AllowLargeBody(request);
        var (document, problem) = await JsonBody.ReadAsync(request, MaxBytes, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }
        using (document)
        {
            var (inventory, errors) = From(document!.RootElement);
            return errors.Count > 0 ? (null, Problems.InvalidFields(errors, title: ProblemTitle)) : (inventory, null);
        }
    }

    public static (Read? Inventory, IReadOnlyList<FieldError> Errors) From(JsonElement root)
    {
        var (components, errors) = InventoryReader.Read(root);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var format = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("specVersion", out var spec) && spec.ValueKind == JsonValueKind.String
            ? $"cyclonedx-{spec.GetString()}" : "product-list";
        return (new Read(components, format), []);
    }

    public static void AllowLargeBody(HttpRequest request)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes + 1;
        }
    }
}
