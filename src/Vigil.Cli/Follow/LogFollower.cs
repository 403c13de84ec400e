using Vigil.Ledger;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Tiles;

namespace Vigil.Cli.Follow;

/// <summary>
/// Follows a remote log: verifies its latest checkpoint with the log's key, fetches the tiles and entry bundles that
/// are new since the stored checkpoint, recomputes the root from them, checks each entry against its leaf hash and
/// the new tree against the stored one with a consistency proof computed from the tiles; only then mirrors them.
/// </summary>
public sealed class LogFollower(RemoteLog remote, TileMirror mirror, NoteVerifierSet keys)
{
    public TileMirror Mirror => mirror;

    /// <summary>One round. Throws <see cref="LedgerVerificationException"/> or <see cref="FormatException"/> if the served checkpoint does not verify.</summary>
    public async Task<FollowRound> RoundAsync(CancellationToken cancellationToken)
    {
        var servedNote = await remote.GetCheckpointAsync(cancellationToken);
        var served = Checkpoint.Open(servedNote, keys).Checkpoint;
        if (!keys.Verifiers.Any(k => k.Name == served.Origin))
        {
            throw new LedgerVerificationException($"The checkpoint's origin '{served.Origin}' is not the name of the key given.");
        }
        var stored = await mirror.ReadCheckpointAsync(cancellationToken) is { } text ? Checkpoint.Parse(SignedNote.Parse(text).Text) : null;
        if (stored is not null && stored.Origin != served.Origin)
        {
            throw new LedgerVerificationException($"The state directory mirrors '{stored.Origin}', not '{served.Origin}'.");
        }
        var round = await CompareAsync(servedNote, served, stored, cancellationToken);
        if (round.Outcome == FollowOutcome.Alarm)
        {
            await mirror.KeepEvidenceAsync(servedNote, cancellationToken);
        }
        return round;
    }

    private async Task<FollowRound> CompareAsync(string servedNote, Checkpoint served, Checkpoint? stored, CancellationToken cancellationToken)
    {
        var oldSize = stored?.Size ?? 0;
        FollowRound Alarm(string detail) => new(FollowOutcome.Alarm, stored, served, detail, 0);
        if (served.Size < oldSize)
        {
            return Alarm($"the log rolled back from {oldSize} to {served.Size} leaves");
        }
        if (stored is not null && served.Size == oldSize)
        {
            return stored.RootHash.AsSpan().SequenceEqual(served.RootHash)
                ? new FollowRound(FollowOutcome.Unchanged, stored, served, "", 0)
                : Alarm($"two different roots for the same size {oldSize}");
        }

        var tiles = new RoundTiles(mirror, remote);
        foreach (var tile in TileId.ChangedByGrowth(oldSize, served.Size).Concat(NewEntryBundles(oldSize, served.Size)))
        {
            await tiles.FetchAsync(tile, cancellationToken);
        }
        var reader = new TileHashReader(tiles, served.Size);
        if (!(await MerkleTree.ComputeRootAsync(reader, served.Size, cancellationToken)).AsSpan().SequenceEqual(served.RootHash))
        {
            return Alarm("the tiles served do not hash to the checkpoint's root");
        }
        if (await FirstMismatchedEntryAsync(tiles, cancellationToken) is { } index)
        {
            return Alarm($"entry {index} does not hash to its leaf in the tiles");
        }
        if (stored is not null && oldSize > 0)
        {
            var proof = await ConsistencyProof.CreateAsync(reader, oldSize, served.Size, cancellationToken);
            if (!proof.IsValid(stored.RootHash, served.RootHash))
            {
                return Alarm($"the tree of {served.Size} leaves does not extend the stored tree of {oldSize} leaves");
            }
        }

        foreach (var (tile, content) in tiles.Fetched)
        {
            await mirror.WriteTileAsync(tile, content, cancellationToken);
        }
        await mirror.WriteCheckpointAsync(servedNote, cancellationToken);
        return new FollowRound(FollowOutcome.Advanced, stored, served, "", tiles.Fetched.Count);
    }

    private static IEnumerable<TileId> NewEntryBundles(long oldSize, long newSize) =>
        TileId.ForTreeSize(TileId.EntriesLevel, newSize, oldSize / TileId.FullWidth).Where(t => (t.Index * TileId.FullWidth) + t.Width > oldSize);

    /// <summary>The index of the first fetched entry whose leaf hash is not the one in its level 0 tile; null if all match.</summary>
    private static async Task<long?> FirstMismatchedEntryAsync(RoundTiles tiles, CancellationToken cancellationToken)
    {
        foreach (var bundle in tiles.Fetched.Keys.Where(t => t.IsEntryBundle).ToList())
        {
            var entries = EntryBundle.Decode(tiles.Fetched[bundle]);
            var leaves = TileContent.Split(await tiles.ReadTileAsync(bundle with { Level = 0 }, cancellationToken), bundle.Width);
            for (var i = 0; i < bundle.Width; i++)
            {
                if (i >= entries.Count || !MerkleHash.HashLeaf(entries[i]).AsSpan().SequenceEqual(leaves[i]))
                {
                    return (bundle.Index * TileId.FullWidth) + i;
                }
            }
            if (entries.Count != bundle.Width)
            {
                return (bundle.Index * TileId.FullWidth) + bundle.Width;
            }
        }
        return null;
    }
}
