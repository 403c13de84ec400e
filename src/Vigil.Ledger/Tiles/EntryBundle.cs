using System.Buffers.Binary;

namespace Vigil.Ledger.Tiles;

/// <summary>C2SP tlog-tiles entry bundles: log entries, each prefixed with its length as a big-endian uint16.</summary>
public static class EntryBundle
{
    /// <summary>The longest entry a bundle can hold.</summary>
    public const int MaxEntryLength = ushort.MaxValue;

    /// <summary>Writes the entries as one bundle.</summary>
    public static byte[] Encode(IEnumerable<byte[]> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var bundle = new MemoryStream();
        Span<byte> prefix = stackalloc byte[2];
        foreach (var entry in entries)
        {
            if (entry.Length > MaxEntryLength)
            {
                throw new ArgumentException($"An entry of {entry.Length} bytes does not fit an entry bundle.", nameof(entries));
            }

            BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)entry.Length);
            bundle.Write(prefix);
            bundle.Write(entry);
        }

        return bundle.ToArray();
    }

    /// <summary>Reads the entries of a bundle; throws <see cref="FormatException"/> if it is truncated.</summary>
    public static IReadOnlyList<byte[]> Decode(ReadOnlySpan<byte> bundle)
    {
        var entries = new List<byte[]>();
        while (bundle.Length > 0)
        {
            if (bundle.Length < 2)
            {
                throw new FormatException("Entry bundle ends inside a length prefix.");
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bundle);
            if (bundle.Length < 2 + length)
            {
                throw new FormatException("Entry bundle ends inside an entry.");
            }

            entries.Add(bundle.Slice(2, length).ToArray());
            bundle = bundle[(2 + length)..];
        }

        return entries;
    }
}
