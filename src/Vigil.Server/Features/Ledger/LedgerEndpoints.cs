using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Ledger;
using Vigil.Ledger.Tiles;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Ledger;

/// <summary>The public log: checkpoint, key, tiles, proofs and entries. Hashes only: nothing here reveals content.</summary>
public static class LedgerEndpoints
{
    public sealed record EntryResponse(long Index, string LeafHash, string Kind, DateTimeOffset AppendedAt);

    public sealed record ProofResponse(long Index, long TreeSize, IReadOnlyList<string> Hashes);

    public sealed record ConsistencyResponse(long From, long To, IReadOnlyList<string> Hashes);

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ledger").WithTags("Ledger").AllowAnonymous();
        group.MapGet("/checkpoint", LatestCheckpoint).WithSummary("The latest signed checkpoint (C2SP signed note), with witness cosignatures");
        group.MapGet("/key", (LedgerKeys keys) => TypedResults.Text(string.Join("\n", keys.VerifierKeys) + "\n", "text/plain; charset=utf-8"))
            .WithSummary("The log's verifier key (signed-note format), then those of retired keys");
        group.MapGet("/tile/{**path}", Tile).WithSummary("C2SP tlog-tiles: hash tiles and entry bundles");
        group.MapGet("/proof/inclusion", Inclusion).WithSummary("RFC 9162 inclusion proof of leaf 'index' in the tree of 'size' leaves");
        group.MapGet("/proof/consistency", Consistency).WithSummary("RFC 9162 consistency proof between tree sizes 'from' and 'to'");
        group.MapGet("/entries/{index:long}", Entry).WithSummary("One leaf: its hash, kind and when it was appended, nothing else");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> LatestCheckpoint(VigilDbContext db, CancellationToken cancellationToken) =>
        await PublicLog.LatestAsync(db, cancellationToken) is { } latest
            ? TypedResults.Text(latest.Note, "text/plain; charset=utf-8")
            : Problems.NotFound("checkpoint yet");

    public static Task<LedgerCheckpoint?> LatestAsync(VigilDbContext db, CancellationToken cancellationToken) =>
        db.LedgerCheckpoints.AsNoTracking().OrderByDescending(c => c.TreeSize).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Tile(
        string path, HttpContext http, VigilDbContext db, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(db, cancellationToken);
        if (!TilePath.TryParse("tile/" + path, out var tile) || latest is null || !tile.FitsTreeSize(latest.TreeSize))
        {
            return Problems.NotFound("tile " + path);
        }
        byte[] content;
        if (tile.IsEntryBundle)
        {
            var first = tile.Index * TileId.FullWidth;
            var entries = await db.LedgerLeaves.AsNoTracking().Where(l => l.Index >= first && l.Index < first + tile.Width)
                .OrderBy(l => l.Index).Select(l => l.Data).ToListAsync(cancellationToken);
            content = EntryBundle.Encode(entries);
        }
        else
        {
            content = await TileContent.BuildAsync(new DbHashReader(db), tile, cancellationToken);
        }
        // A full tile never changes; a partial one is replaced by a wider one as the log grows.
        http.Response.Headers.CacheControl = tile.IsFull ? "public, max-age=31536000, immutable" : "no-cache";
        return TypedResults.File(content, "application/octet-stream");
    }

    private static async Task<Results<Ok<ProofResponse>, ProblemHttpResult>> Inclusion(long? index, long? size, VigilDbContext db, CancellationToken cancellationToken)
    {
        var logSize = await SizeAsync(db, cancellationToken);
        var errors = new List<(string, string)>();
        if (size is not { } n || n < 1 || n > logSize) errors.Add(("size", $"must be a tree size from 1 to {logSize}"));
        if (index is not { } i || i < 0 || i >= (size ?? 0)) errors.Add(("index", "must be a leaf index below size"));
        if (errors.Count > 0)
        {
            return Problems.InvalidParameters(errors);
        }
        var proof = await InclusionProof.CreateAsync(new DbHashReader(db), index!.Value, size!.Value, cancellationToken);
        return TypedResults.Ok(new ProofResponse(proof.Index, proof.TreeSize, [.. proof.Hashes.Select(Convert.ToBase64String)]));
    }

    private static async Task<Results<Ok<ConsistencyResponse>, ProblemHttpResult>> Consistency(long? from, long? to, VigilDbContext db, CancellationToken cancellationToken)
    {
        var logSize = await SizeAsync(db, cancellationToken);
        var errors = new List<(string, string)>();
        if (to is not { } t || t < 1 || t > logSize) errors.Add(("to", $"must be a tree size from 1 to {logSize}"));
        if (from is not { } f || f < 1 || f > (to ?? 0)) errors.Add(("from", "must be a tree size from 1 to 'to'"));
        if (errors.Count > 0)
        {
            return Problems.InvalidParameters(errors);
        }
        var proof = await ConsistencyProof.CreateAsync(new DbHashReader(db), from!.Value, to!.Value, cancellationToken);
        return TypedResults.Ok(new ConsistencyResponse(proof.OldSize, proof.NewSize, [.. proof.Hashes.Select(Convert.ToBase64String)]));
    }

    private static async Task<Results<Ok<EntryResponse>, ProblemHttpResult>> Entry(long index, VigilDbContext db, CancellationToken cancellationToken) =>
        await PublicLog.EntryAsync(db, index, cancellationToken) is { } leaf
            ? TypedResults.Ok(new EntryResponse(index, Convert.ToBase64String(leaf.LeafHash), leaf.Kind, leaf.AppendedAt))
            : Problems.NotFound($"leaf {index}");

    private static Task<long> SizeAsync(VigilDbContext db, CancellationToken cancellationToken) => PublicLog.SizeAsync(db, cancellationToken);
}
