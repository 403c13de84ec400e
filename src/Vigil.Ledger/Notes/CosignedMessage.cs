using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Vigil.Ledger.Notes;

/// <summary>The C2SP tlog-cosignature v1 Ed25519 signed message and timestamped signature layout.</summary>
internal static class CosignedMessage
{
    public const int TimestampSize = 8;
    public const int SignatureSize = TimestampSize + Ed25519KeyPair.SignatureSize;

    /// <summary><c>cosignature/v1\ntime &lt;t&gt;\n</c> followed by the whole checkpoint note text.</summary>
    public static byte[] Build(long timestamp, ReadOnlySpan<byte> checkpointText)
    {
        var header = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"cosignature/v1\ntime {timestamp}\n"));
        return [.. header, .. checkpointText];
    }

    public static bool TrySplit(ReadOnlySpan<byte> signature, out long timestamp, out ReadOnlySpan<byte> ed25519Signature)
    {
        timestamp = 0;
        ed25519Signature = default;
        if (signature.Length != SignatureSize)
        {
            return false;
        }

        var raw = BinaryPrimitives.ReadUInt64BigEndian(signature);
        if (raw > long.MaxValue)
        {
            return false;
        }

        timestamp = (long)raw;
        ed25519Signature = signature[TimestampSize..];
        return true;
    }
}
