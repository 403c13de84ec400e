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
/// Around the log's signer once the server has started: a signature that fails is logged once (the reason, never the
/// signer's arguments) and becomes a <see cref="LedgerSigningException"/>.
/// </summary>
public sealed partial class FailureReportingSigner(NoteSigner signer, ILogger logger) : NoteSigner
{
    public override string Name => signer.Name;

    public override uint KeyId => signer.KeyId;

    public override byte[] Sign(ReadOnlySpan<byte> text)
    {
        try
        {
            return signer.Sign(text);
        }
        catch (Exception e) when (e is LedgerVerificationException or InvalidOperationException or Win32Exception)
        {
            LogSigningFailed(logger, e.Message);
            throw new LedgerSigningException($"The log could not sign a checkpoint: {e.Message}", e);
        }
    }

    [LoggerMessage(EventId = 3026, Level = LogLevel.Error, Message = "The log could not sign a checkpoint; nothing that needed it was recorded: {Reason}")]
    private static partial void LogSigningFailed(ILogger logger, string reason);
}
