namespace Vigil.Indicators.Matching;

/// <summary>
/// An append-only list kept in fixed chunks: growing never copies and never leaves a large array behind for the
/// collector, which keeps a catalogue of a hundred thousand indicators from doubling its memory while it loads.
/// </summary>
internal sealed class ChunkedList<T>
{
    private const int ChunkBits = 12;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly List<T[]> _chunks = [];

    public int Count { get; private set; }

    public ref T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count);
            return ref _chunks[index >> ChunkBits][index & (ChunkSize - 1)];
        }
    }

    public void Add(T item)
    {
        if ((Count & (ChunkSize - 1)) == 0) { _chunks.Add(new T[ChunkSize]); }
        _chunks[^1][Count & (ChunkSize - 1)] = item;
        Count++;
    }
}
