using System.Security.Claims;
using Vigil.Data;
using Vigil.Server.Features.Notes;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// Vigil's own notes as affected-query documents: published ones in the caller's TLP audience (<see cref="NoteAccess"/>).
/// Drafts are not yet advice, and a withdrawn note no longer is.
/// </summary>
public sealed class PublishedNoteSource(VigilDbContext db, PublishedNoteCatalog catalog) : IAffectedProductSource
{
    public const string Kind = "vigil-note";

    public Task<AffectingDocuments> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        catalog.ForAudienceAsync(db, NoteAccess.Audience(user), cancellationToken);
}
