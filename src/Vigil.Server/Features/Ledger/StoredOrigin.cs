using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;

namespace Vigil.Server.Features.Ledger;

/// <summary>The origin a stored log names, for auditing it where Ledger:Origin is not configured.</summary>
public static class StoredOrigin
{
    /// <summary>
    /// The origin the first stored checkpoint names (the log's own: any that names another is a finding of the
    /// audit); null when none is stored, or when it is not well formed (the audit names that checkpoint).
    /// </summary>
    public static async Task<string?> ReadAsync(VigilDbContext db, CancellationToken cancellationToken)
    {
        var first = await db.LedgerCheckpoints.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Note).FirstOrDefaultAsync(cancellationToken);
        try
        {
            return first is null ? null : Checkpoint.Parse(SignedNote.Parse(first).Text).Origin;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
