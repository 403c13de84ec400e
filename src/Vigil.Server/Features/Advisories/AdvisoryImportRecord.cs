using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Advisories;

/// <summary>
/// Stores an analyst's import with the importer named on it (the reader of a RED advisory) and its event on the record,
/// in one transaction: the advisory, its grant and its event are stored together or not at all.
/// </summary>
public sealed class AdvisoryImportRecord(VigilDbContext db, EventRecorder events, WriteTransactions writes, TimeProvider clock)
{
    public const string ImportedEvent = "advisory-imported";

    /// <summary>Stores a new advisory; a <c>DbUpdateException</c> means the same bytes were stored meanwhile.</summary>
    public async Task StoreAsync(ImportedAdvisory advisory, ClaimsPrincipal importer, CancellationToken cancellationToken)
    {
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        db.ImportedAdvisories.Add(advisory);
        // The id the grant and the event name; still uncommitted.
        await db.SaveChangesAsync(cancellationToken);
        await NameAndRecordAsync(advisory, importer, alreadyHeld: false, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Names another importer of the same bytes on the stored advisory, on the record.</summary>
    public async Task NameImporterAsync(ImportedAdvisory held, ClaimsPrincipal importer, CancellationToken cancellationToken)
    {
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        await NameAndRecordAsync(held, importer, alreadyHeld: true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task NameAndRecordAsync(ImportedAdvisory advisory, ClaimsPrincipal importer, bool alreadyHeld, CancellationToken cancellationToken)
    {
        var id = advisory.Id.ToString(CultureInfo.InvariantCulture);
        AccessGrants.NameAuthor(db, AudienceFilters.Advisory, id, importer.UserId(), clock.GetUtcNow());
        var details = new JsonObject
        {
            ["sha256"] = advisory.Sha256, ["tracking_id"] = advisory.TrackingId, ["version"] = advisory.Version, ["tlp"] = advisory.Tlp,
            ["already_held"] = alreadyHeld,
        };
        await events.RecordAsync(new EventRecorder.Event(ImportedEvent, AudienceFilters.Advisory, id, details), importer, cancellationToken);
    }
}
