using System.Globalization;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;

namespace Vigil.Cli.Witness;

/// <summary>
/// The witness's memory: for each log origin, the latest checkpoint it cosigned, one file each in the state directory,
/// replaced atomically. One witness process owns a directory (it holds a lock file), and requests take their turn
/// here, so that checking a request against the latest checkpoint and recording the new one happen as one step.
/// </summary>
public sealed class WitnessState : IDisposable
{
    private readonly string _directory;
    private readonly FileStream _lock;
    private readonly SemaphoreSlim _turn = new(1, 1);

    public WitnessState(string directory)
    {
        _directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(_directory);
        try
        {
            _lock = new FileStream(Path.Combine(_directory, "witness.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"The state directory {_directory} is in use by another witness.", e);
        }
    }

    /// <summary>Runs <paramref name="step"/> alone: no other request reads or writes the state meanwhile.</summary>
    public async Task<T> InTurnAsync<T>(Func<Task<T>> step, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            return await step();
        }
        finally
        {
            _turn.Release();
        }
    }

    public async Task<Checkpoint?> LatestAsync(string origin, CancellationToken cancellationToken)
    {
        var path = PathFor(origin);
        return File.Exists(path) ? Checkpoint.Parse(SignedNote.Parse(await File.ReadAllTextAsync(path, cancellationToken)).Text) : null;
    }

    public Task RecordAsync(string origin, SignedNote checkpoint, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(PathFor(origin), checkpoint.ToString(), cancellationToken);

    /// <summary>Keeps a request that shows the log signed inconsistent checkpoints: proof of its misbehaviour.</summary>
    public Task KeepEvidenceAsync(string origin, string request, DateTimeOffset now, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(Path.Combine(_directory, "evidence", $"{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}-{Uri.EscapeDataString(origin)}.txt"), request, cancellationToken);

    private string PathFor(string origin) => Path.Combine(_directory, Uri.EscapeDataString(origin) + ".checkpoint");

    public void Dispose()
    {
        _lock.Dispose();
        _turn.Dispose();
    }
}
