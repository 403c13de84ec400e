using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Regimes;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Triage;

/// <summary>
/// An analyst's named triage filters: kept per user, each the inbox's own query string, read again by
/// <see cref="TriageFilters"/> when saved and when applied. Saving and deleting one are account changes, so they are
/// on the record as the others are (the CERT's own, never shown to an organisation).
/// </summary>
public sealed class SavedFilters(VigilDbContext db, EventRecorder events, WriteTransactions writes, RegimeCatalog regimes, TimeProvider clock)
{
    public const string SavedEvent = "saved-filter-saved";
    public const string DeletedEvent = "saved-filter-deleted";
    public const string ObjectKind = "saved-filter";
    public const int MaxName = 100;
    public const int MaxPerUser = 50;

    /// <summary>The reader's saved filters, by name.</summary>
    public async Task<IReadOnlyList<SavedFilter>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var id = user.UserId();
        var filters = await db.SavedFilters.AsNoTracking().Where(f => f.UserId == id).ToListAsync(cancellationToken);
        return [.. filters.OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Saves (or replaces, under the same name) the filters of <paramref name="query"/>; the problems, by parameter ("name" for the name), otherwise.</summary>
    public async Task<IReadOnlyList<TriageFilters.Problem>> SaveAsync(ClaimsPrincipal user, string name, string query, CancellationToken cancellationToken)
    {
        name = name.Trim();
        var (filters, problems) = await TriageFilters.ReadAsync(query, db, regimes, cancellationToken);
        var all = problems.ToList();
        if (name.Length is 0 or > MaxName || name.Any(char.IsControl))
        {
            all.Insert(0, new TriageFilters.Problem("name", "Bad_name"));
        }
        var userId = user.UserId();
        var existing = await db.SavedFilters.SingleOrDefaultAsync(f => f.UserId == userId && f.Name == name, cancellationToken);
        if (existing is null && await db.SavedFilters.CountAsync(f => f.UserId == userId, cancellationToken) >= MaxPerUser)
        {
            all.Insert(0, new TriageFilters.Problem("name", "Bad_too_many"));
        }
        if (all.Count > 0)
        {
            return all;
        }
        var kept = filters.ToQuery();
        // The filter and its event land together or not at all; the filter's id is known once it is saved.
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        if (existing is null)
        {
            existing = new SavedFilter { UserId = userId, Name = name, Query = kept, CreatedAt = clock.GetUtcNow() };
            db.SavedFilters.Add(existing);
        }
        else
        {
            existing.Query = kept;
        }
        await db.SaveChangesAsync(cancellationToken);
        await events.RecordAsync(new EventRecorder.Event(SavedEvent, ObjectKind, existing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new JsonObject { ["user_id"] = userId, ["name"] = name, ["query"] = kept }), user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>Deletes one of the reader's own filters; false when it has none by that id.</summary>
    public async Task<bool> DeleteAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        if (await db.SavedFilters.SingleOrDefaultAsync(f => f.Id == id && f.UserId == userId, cancellationToken) is not { } filter)
        {
            return false;
        }
        db.SavedFilters.Remove(filter);
        await events.RecordAsync(new EventRecorder.Event(DeletedEvent, ObjectKind, id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new JsonObject { ["user_id"] = userId, ["name"] = filter.Name }), user, cancellationToken);
        return true;
    }

    /// <summary>One of the reader's own filters, or null.</summary>
    public Task<SavedFilter?> FindAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        return db.SavedFilters.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.UserId == userId, cancellationToken);
    }
}
