using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Ledger.Receipts;
using Vigil.Ledger;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using Vigil.Server.Features.Incidents;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// GET /api/v1/receipts/{index}: a submission's receipt again, proved against the latest checkpoint that witnesses
/// cosigned (with their cosignatures, as C2SP tlog-proof carries them), or the latest checkpoint while none covers the
/// leaf; with the checkpoint it was first proved in and a consistency proof from that one to this. Only those who may
/// see the incident get it: the receipt holds the salt that unlocks the commitment.
/// </summary>
public static class ReceiptEndpoints
{
    /// <param name="Cosignatures">The witnesses whose cosignatures the receipt's checkpoint carries, and when each cosigned.</param>
    /// <param name="CosignedReceipt">While no cosigned checkpoint covers the leaf: when one is expected.</param>
    public sealed record ReceiptAgain(
        Receipt Receipt, string OriginalCheckpoint, LedgerEndpoints.ConsistencyResponse? Consistency,
        IReadOnlyList<CosignatureResponse> Cosignatures, CosignedReceipts.Expected? CosignedReceipt);

    public sealed record CosignatureResponse(string Witness, DateTimeOffset CosignedAt);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/receipts/{index:long}", Handle).WithTags("Ledger").RequireAuthorization(Policies.CaseReaders)
            .WithName("GetReceipt").WithSummary("A submission's receipt, proved against the latest cosigned (else latest) checkpoint");

    private static async Task<Results<Ok<ReceiptAgain>, ProblemHttpResult>> Handle(
        long index, ClaimsPrincipal user, VigilDbContext db, LedgerKeys keys, IncidentReads reads, CosignedReceipts cosignedReceipts, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.LeafIndex == index, cancellationToken);
        var incident = submission is null ? null : await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == submission.IncidentId, cancellationToken);
        if (submission is null || incident is null)
        {
            return Problems.NotFound($"receipt {index}");
        }
        await reads.RecordAsync(incident, $"receipt of submission {submission.Sequence}", user, cancellationToken);
        var leaf = await db.LedgerLeaves.AsNoTracking().SingleAsync(l => l.Index == index, cancellationToken);
        var proved = await PublicLog.LatestCosignedAsync(db, index, cancellationToken)
            ?? await PublicLog.ServeAsync(db, (await LedgerEndpoints.LatestAsync(db, cancellationToken))!, cancellationToken);
        var original = await FiledReceipt.OriginalCheckpointAsync(db, index, cancellationToken);
        var inclusion = await InclusionProof.CreateAsync(new DbHashReader(db), index, proved.Stored.TreeSize, cancellationToken);
        var proof = TlogProof.Create(inclusion, SignedNote.Parse(proved.Note)).ToString();
        LedgerEndpoints.ConsistencyResponse? consistency = null;
        if (original.TreeSize < proved.Stored.TreeSize)
        {
            var between = await ConsistencyProof.CreateAsync(new DbHashReader(db), original.TreeSize, proved.Stored.TreeSize, cancellationToken);
            consistency = new(between.OldSize, between.NewSize, [.. between.Hashes.Select(Convert.ToBase64String)]);
        }
        IReadOnlyList<CosignatureResponse> cosignatures =
            [.. proved.Cosignatures.Select(c => new CosignatureResponse(c.Witness, Ed25519CosignatureVerifier.ReadTimestamp(NoteSignature.ParseLine(c.Line))))];
        return TypedResults.Ok(new ReceiptAgain(
            FiledReceipt.For(submission, leaf.LeafHash, keys.Origin, proof), original.Note, consistency, cosignatures,
            cosignatures.Count == 0 ? cosignedReceipts.For(index, clock.GetUtcNow()) : null));
    }
}
