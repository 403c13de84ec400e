using Vigil.Domain.Validation;
using Vigil.Server.Features.Affected;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.ReporterPages;

/// <summary>
/// The inventory file posted from the organisation's page, read exactly as the API reads its body: the same size
/// limit, JSON parser and strict reader (<see cref="InventoryBody"/>), so a file the API refuses the page refuses,
/// naming the same JSON pointers.
/// </summary>
public static class InventoryUpload
{
    /// <summary>The form field that carries the file.</summary>
    public const string Field = "sbom";

    /// <summary>The whole form: the largest file the API takes, and room for the multipart envelope and the antiforgery token.</summary>
    public const long MaxFormBytes = InventoryBody.MaxBytes + 64 * 1024;

    public enum Refusal
    {
        None,
        NoFile,
        TooLarge,
        NotJson,
        Invalid,
    }

    /// <summary>The inventory read, or why not (with the reader's errors for a file it could parse) and the status to answer.</summary>
    public sealed record Outcome(InventoryBody.Read? Inventory, Refusal Why, IReadOnlyList<FieldError> Errors, int Status);

    public static async Task<Outcome> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // The framework has read the form already (its antiforgery check does): this is that form.
        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile(Field) is not { Length: > 0 } file)
        {
            return new Outcome(null, Refusal.NoFile, [], StatusCodes.Status422UnprocessableEntity);
        }
        if (file.Length > InventoryBody.MaxBytes)
        {
            return new Outcome(null, Refusal.TooLarge, [], StatusCodes.Status413PayloadTooLarge);
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var (document, problem) = JsonBody.Parse(buffer.ToArray());
        if (problem is not null)
        {
            return new Outcome(null, Refusal.NotJson, [], StatusCodes.Status400BadRequest);
        }
        using (document)
        {
            var (inventory, errors) = InventoryBody.From(document!.RootElement);
            return errors.Count > 0
                ? new Outcome(null, Refusal.Invalid, errors, StatusCodes.Status422UnprocessableEntity)
                : new Outcome(inventory, Refusal.None, [], StatusCodes.Status200OK);
        }
    }
}
