using System.Net;
using System.Text;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Witnessing;

namespace Vigil.Server.Features.Ledger.Witnesses;

/// <summary>
/// The log's side of C2SP tlog-witness add-checkpoint for one witness: sends the checkpoint with a consistency proof
/// from the size the witness last cosigned, follows a 409 to the size the witness reports, and keeps only
/// cosignatures that verify with the witness's configured key.
/// </summary>
public sealed partial class WitnessClient(HttpClient http, ILogger<WitnessClient> logger)
{
    public const string HttpClientName = "witnesses";

    /// <summary>How long a witness may take to answer one request.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private const int MaxAttempts = 3;

    /// <summary>The verified cosignature (or null) and the size the witness is now known to hold (null if unknown).</summary>
    public sealed record Answer(NoteSignature? Cosignature, long? WitnessSize);

    /// <param name="proofFrom">The consistency proof from a given old size to the checkpoint's size (empty from 0).</param>
    public async Task<Answer> RequestAsync(WitnessOptions witness, SignedNote checkpoint, long checkpointSize, long oldSize,
        Func<long, Task<IReadOnlyList<byte[]>>> proofFrom, CancellationToken cancellationToken)
    {
        var verifier = (Ed25519CosignatureVerifier)NoteVerifier.Parse(witness.VerifierKey);
        var url = new Uri(witness.Url.TrimEnd('/') + "/" + WitnessProtocol.AddCheckpointPath);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var body = new AddCheckpointRequest(oldSize, await proofFrom(oldSize), checkpoint).ToString();
            using var content = new StringContent(body, Encoding.UTF8, "text/plain");
            using var response = await http.PostAsync(url, content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var cosignature = VerifiedCosignature(text, checkpoint, verifier);
                if (cosignature is null)
                {
                    LogNoValidCosignature(logger, witness.Name, checkpointSize);
                }
                return new Answer(cosignature, checkpointSize);
            }
            if (response.StatusCode == HttpStatusCode.Conflict && WitnessProtocol.TryParseSize(text, out var witnessSize)
                && witnessSize != oldSize && witnessSize <= checkpointSize)
            {
                oldSize = witnessSize;
                continue;
            }
            LogRefused(logger, witness.Name, checkpointSize, oldSize, (int)response.StatusCode, text.Length > 300 ? text[..300] : text);
            return new Answer(null, null);
        }
        return new Answer(null, null);
    }

    /// <summary>The first line of the answer by the witness's own key that verifies over the checkpoint; others are ignored.</summary>
    private static NoteSignature? VerifiedCosignature(string answer, SignedNote checkpoint, Ed25519CosignatureVerifier verifier)
    {
        var text = Encoding.UTF8.GetBytes(checkpoint.Text);
        foreach (var line in answer.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            NoteSignature signature;
            try
            {
                signature = NoteSignature.ParseLine(line);
            }
            catch (FormatException)
            {
                continue;
            }
            if (signature.Name == verifier.Name && signature.KeyId == verifier.KeyId && verifier.Verify(text, signature.Signature))
            {
                return signature;
            }
        }
        return null;
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Witness {Witness} answered checkpoint {Size} without a cosignature that verifies with its key")]
    private static partial void LogNoValidCosignature(ILogger logger, string witness, long size);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Witness {Witness} refused checkpoint {Size} (old size {OldSize}): {Status} {Answer}")]
    private static partial void LogRefused(ILogger logger, string witness, long size, long oldSize, int status, string answer);
}
