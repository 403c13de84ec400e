using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Server.Infrastructure.Security;

/// <summary>
/// Time-based one-time passwords as RFC 6238 defines them and authenticator apps expect by default: HMAC-SHA-1 over
/// the number of 30-second steps since the Unix epoch, dynamically truncated (RFC 4226, section 5.3) to 6 digits.
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;

    public const int Digits = 6;

    /// <summary>Steps either side of the current one that are still accepted, for clocks that drift a little.</summary>
    public const int AllowedDrift = 1;

    /// <summary>The time step that <paramref name="time"/> falls in.</summary>
    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code for one step: <paramref name="digits"/> decimal digits, with leading zeros.</summary>
    public static string Code(ReadOnlySpan<byte> secret, long step, int digits = Digits)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> mac = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, counter, mac);
        var offset = mac[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(mac.Slice(offset, 4)) & 0x7fffffff;
        var modulus = (int)Math.Pow(10, digits);
        return (binary % modulus).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>
    /// The step whose code <paramref name="code"/> is, within the allowed drift of <paramref name="now"/> and later
    /// than <paramref name="lastAcceptedStep"/> (so that no code is accepted twice); null when there is none.
    /// </summary>
    public static long? Match(ReadOnlySpan<byte> secret, string? code, DateTimeOffset now, long? lastAcceptedStep)
    {
        if (code is null || code.Length != Digits || !code.All(char.IsAsciiDigit))
        {
            return null;
        }
        var current = StepAt(now);
        long? matched = null;
        // Every candidate is computed and compared in constant time, so the answer's timing says nothing of which matched.
        for (var step = current - AllowedDrift; step <= current + AllowedDrift; step++)
        {
            var equal = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step)), Encoding.ASCII.GetBytes(code));
            if (equal && (lastAcceptedStep is null || step > lastAcceptedStep) && matched is null)
            {
                matched = step;
            }
        }
        return matched;
    }

    /// <summary>The otpauth:// URI an authenticator app reads from a QR code (the Key Uri Format apps share).</summary>
    public static string EnrolmentUri(string issuer, string account, ReadOnlySpan<byte> secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={Base32.Encode(secret)}"
        + $"&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}";
}

/// <summary>RFC 4648 base32 without padding: how authenticator apps take a shared secret.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = ((buffer << 8) | b) & 0xffff;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }
        return text.ToString();
    }

    public static byte[] Decode(string text)
    {
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character.");
            }
            buffer = ((buffer << 5) | value) & 0xffff;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
