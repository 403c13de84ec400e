using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Ledger;
using Vigil.Server.Features.Incidents;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// GET /api/v1/receipts/{index}: a submission's receipt again, proved against the latest checkpoint, with the
/// checkpoint it was first proved in and a consistency proof from that one to the latest. Only those who may see
/// the incident get it: the receipt holds the salt that unlocks the commitment.
/// </summary>
public static class ReceiptEndpoints
{
    public sealed record ReceiptAgain(Receipt Receipt, string OriginalCheckpoint, LedgerEndpoints.ConsistencyResponse? Consistency);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/receipts/{index:long}", Handle).WithTags("Ledger").RequireAuthorization(Policies.CaseReaders)
            .WithName("GetReceipt").WithSummary("A submission's receipt, proved against the latest checkpoint");

    private static async Task<Results<Ok<ReceiptAgain>, ProblemHttpResult>> Handle(
        long index, ClaimsPrincipal user, VigilDbContext db, LedgerKeys keys, IncidentReads reads, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.LeafIndex == index, cancellationToken);
        var incident = submission is null ? null : await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == submission.IncidentId, cancellationToken);
        if (submission is null || incident is null)
        {
            return Problems.NotFound($"receipt {index}");
        }
        await reads.RecordAsync(incident, $"receipt of submission {submission.Sequence}", user, cancellationToken);
        var leaf = await db.LedgerLeaves.AsNoTracking().SingleAsync(l => l.Index == index, cancellationToken);
        var latest = (await LedgerEndpoints.LatestAsync(db, cancellationToken))!;
        var original = await FiledReceipt.OriginalCheckpointAsync(db, index, cancellationToken);
        var proof = await LedgerWriter.ProveAsync(db, index, latest, cancellationToken);
        LedgerEndpoints.ConsistencyResponse? consistency = null;
        if (original.TreeSize < latest.TreeSize)
        {
            var between = await ConsistencyProof.CreateAsync(new DbHashReader(db), original.TreeSize, latest.TreeSize, cancellationToken);
            consistency = new(between.OldSize, between.NewSize, [.. between.Hashes.Select(Convert.ToBase64String)]);
        }
        return TypedResults.Ok(new ReceiptAgain(Receipt.For(submission, leaf.LeafHash, keys.Origin, proof), original.Note, consistency));
    }
}
