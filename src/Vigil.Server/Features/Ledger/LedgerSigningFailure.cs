using System.ComponentModel;
using Vigil.Ledger;
using Vigil.Ledger.Notes;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// The log could not sign a checkpoint (an external signer that stopped answering, a token pulled out): the change
/// that needed the checkpoint is not recorded, and its request answers 503 (the client may try again later).
/// </summary>
public sealed class LedgerSigningException(string reason, Exception inner) : InvalidOperationException(reason, inner);

/// <summary>
/// Around the log's signer once the server has started: a signature that fails becomes a
/// <see cref="LedgerSigningException"/>. The first failure of a run is logged with its reason (never the signer's
/// arguments), then one line per <see cref="LogEvery"/> failures and one when signing works again, so a signer that
/// stays down under load writes a few lines, not one per request.
/// </summary>
public sealed partial class FailureReportingSigner(NoteSigner signer, ILogger logger) : NoteSigner
{
    public const int LogEvery = 100;

    private long _failuresInARow;

    public override string Name => signer.Name;

    public override uint KeyId => signer.KeyId;

    public override byte[] Sign(ReadOnlySpan<byte> text)
    {
        byte[] signature;
        try
        {
            signature = signer.Sign(text);
        }
        catch (Exception e) when (e is LedgerVerificationException or InvalidOperationException or Win32Exception)
        {
            var failures = Interlocked.Increment(ref _failuresInARow);
            if (failures == 1 || failures % LogEvery == 0)
            {
                LogSigningFailed(logger, failures, e.Message);
            }
            throw new LedgerSigningException($"The log could not sign a checkpoint: {e.Message}", e);
        }
        if (Interlocked.Exchange(ref _failuresInARow, 0) is > 0 and var failed)
        {
            LogSigningAgain(logger, failed);
        }
        return signature;
    }

    [LoggerMessage(EventId = 3026, Level = LogLevel.Error, Message = "The log could not sign a checkpoint ({Failures} failures in a row); nothing that needed it was recorded: {Reason}")]
    private static partial void LogSigningFailed(ILogger logger, long failures, string reason);

    [LoggerMessage(EventId = 3027, Level = LogLevel.Information, Message = "The log signs checkpoints again, after {Failures} failures in a row")]
    private static partial void LogSigningAgain(ILogger logger, long failures);
}
