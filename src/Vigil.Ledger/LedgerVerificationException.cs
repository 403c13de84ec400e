namespace Vigil.Ledger;

/// <summary>A proof, signature or checkpoint did not verify. The message says what failed.</summary>
public sealed class LedgerVerificationException : Exception
{
    /// <summary>Creates the exception with a message naming the failure.</summary>
    public LedgerVerificationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public LedgerVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public LedgerVerificationException()
        : base("Verification failed.")
    {
    }
}
