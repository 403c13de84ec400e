using System.Diagnostics;
using Vigil.Ledger.Notes;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// The log's key held outside Vigil: each signature is made by an external program (a script around a PKCS#11 token,
/// an HSM's tool, a cloud key service's CLI) that reads the message on standard input and writes the Ed25519
/// signature on standard output, 64 raw bytes or their base64. Vigil never sees the secret; the public key comes from
/// configuration, and <see cref="VerifiedNoteSigner"/> checks every signature with it.
/// </summary>
public sealed class CommandNoteSigner(Ed25519NoteVerifier publicKey, string program, IReadOnlyList<string> arguments, TimeSpan timeout) : NoteSigner
{
    private const int SignatureSize = 64;

    /// <summary>The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): SEQUENCE, AlgorithmIdentifier id-Ed25519, BIT STRING.</summary>
    private static readonly byte[] SpkiPrefix = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

    public override string Name => publicKey.Name;

    public override uint KeyId => publicKey.KeyId;

    /// <summary>What the program is, for messages and logs: never its arguments (a PIN may be among them) nor its standard input.</summary>
    public string Description => program;

    /// <summary>Reads Ledger:SignerPublicKey: base64 of the 32-byte key, or of its SubjectPublicKeyInfo; throws <see cref="FormatException"/> otherwise.</summary>
    public static byte[] ParsePublicKey(string text)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new FormatException("Ledger:SignerPublicKey is not base64.");
        }
        return bytes.Length switch
        {
            32 => bytes,
            44 when bytes.AsSpan(0, SpkiPrefix.Length).SequenceEqual(SpkiPrefix) => bytes[SpkiPrefix.Length..],
            _ => throw new FormatException("Ledger:SignerPublicKey must be an Ed25519 public key: 32 bytes, or its 44-byte SubjectPublicKeyInfo, in base64."),
        };
    }

    public override byte[] Sign(ReadOnlySpan<byte> text)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"The signer command {Description} did not start.");
        using var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            process.StandardInput.BaseStream.Write(text);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program stopped without reading its input: its exit code and error output say why, below.
        }
        // Signing is synchronous (a checkpoint is signed inside the log's write transaction): wait here, bounded.
        if (!process.WaitForExit(timeout) || !reading.Wait(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The signer command {Description} did not answer within {timeout.TotalSeconds:0.#} s.");
        }
        if (process.ExitCode != 0)
        {
            var reason = error.Wait(timeout) ? error.Result.Trim() : "";
            throw new InvalidOperationException($"The signer command {Description} exited with {process.ExitCode}: {(reason.Length > 300 ? reason[..300] : reason)}");
        }
        return ReadSignature(output.ToArray());
    }

    private byte[] ReadSignature(byte[] answer)
    {
        if (answer.Length == SignatureSize)
        {
            return answer;
        }
        try
        {
            var decoded = Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(answer).Trim());
            if (decoded.Length == SignatureSize)
            {
                return decoded;
            }
        }
        catch (FormatException)
        {
            // Neither raw nor base64: said below.
        }
        throw new InvalidOperationException($"The signer command {Description} wrote {answer.Length} bytes, not a {SignatureSize}-byte Ed25519 signature (raw or base64).");
    }
}
