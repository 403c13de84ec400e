namespace Vigil.Data.Entities;

/// <summary>
/// The log's one sequencer row: its size. Every append locks it first, so that any number of servers sharing the
/// database append one after another and never fork the log.
/// </summary>
public sealed class LedgerState
{
    public const int SingletonId = 1;

    public int Id { get; init; }
    public long Size { get; set; }
}
