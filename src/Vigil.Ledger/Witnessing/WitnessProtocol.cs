using System.Globalization;
using Vigil.Ledger.Notes;

namespace Vigil.Ledger.Witnessing;

/// <summary>Names and small encodings of the C2SP tlog-witness HTTP protocol.</summary>
public static class WitnessProtocol
{
    /// <summary>The path, under a witness's submission prefix, that logs POST checkpoints to.</summary>
    public const string AddCheckpointPath = "add-checkpoint";

    /// <summary>The media type of a 409 answer's body: the witness's latest cosigned tree size.</summary>
    public const string SizeContentType = "text/x.tlog.size";

    /// <summary>The body of a 409 answer: the size in decimal and a newline.</summary>
    public static string FormatSize(long size) => size.ToString(CultureInfo.InvariantCulture) + "\n";

    /// <summary>Reads the body of a 409 answer; false unless it is a canonical decimal size and a newline.</summary>
    public static bool TryParseSize(string body, out long size)
    {
        size = 0;
        return body is not null && body.EndsWith('\n') && NoteText.TryParseCanonicalDecimal(body[..^1], out size);
    }
}
