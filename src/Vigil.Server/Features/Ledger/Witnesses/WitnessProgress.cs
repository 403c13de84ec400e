namespace Vigil.Server.Features.Ledger.Witnesses;

/// <summary>What the log knows of one witness: the size it last cosigned, and when to ask again after failures.</summary>
public sealed class WitnessProgress(WitnessOptions witness)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);
    private int _failures;

    public WitnessOptions Witness { get; } = witness;

    /// <summary>The size of the latest checkpoint the witness is known to have cosigned; null until read or learnt.</summary>
    public long? KnownSize { get; set; }

    public DateTimeOffset NotBefore { get; private set; }

    public void Succeeded(long size)
    {
        KnownSize = size;
        _failures = 0;
        NotBefore = default;
    }

    /// <summary>Waits 1 s, 2 s, 4 s... up to five minutes before the next attempt.</summary>
    public void Failed(DateTimeOffset now)
    {
        _failures = Math.Min(_failures + 1, 20);
        var delay = TimeSpan.FromSeconds(Math.Pow(2, _failures - 1));
        NotBefore = now + (delay < MaxBackoff ? delay : MaxBackoff);
    }
}
