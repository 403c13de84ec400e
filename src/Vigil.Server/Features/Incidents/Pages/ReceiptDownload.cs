using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Server.Features.Ledger;

namespace Vigil.Server.Features.Incidents.Pages;

/// <summary>
/// The receipt of a submission as a file, for a page session: the JSON the API returned as <c>receipt</c> when it was
/// filed. Only those who may read the incident get it (the receipt holds the salt that unlocks the commitment), and a
/// read by someone outside the organisation is on the record, as through GET /api/v1/receipts/{index}.
/// </summary>
public static class ReceiptDownload
{
    public static async Task<IResult> HandleAsync(
        string id, int sequence, ClaimsPrincipal user, VigilDbContext db, LedgerKeys keys, IncidentReads reads,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, HttpContext http, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.IncidentId == id && s.Sequence == sequence, cancellationToken);
        var incident = submission is null ? null : await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (submission is null || incident is null)
        {
            return TypedResults.NotFound();
        }
        await reads.RecordAsync(incident, $"receipt of submission {sequence.ToString(CultureInfo.InvariantCulture)}", user, cancellationToken);
        var receipt = await FiledReceipt.ForAsync(db, keys, submission, cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(receipt, json.Value.SerializerOptions), "application/json",
            ReceiptPage.FileNameOf(receipt.LeafIndex));
    }
}
