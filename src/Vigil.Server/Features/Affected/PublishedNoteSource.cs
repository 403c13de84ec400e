using System.Security.Claims;
using Vigil.Data;
using Vigil.Domain.Sharing;
using Vigil.Server.Features.Notes;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// Vigil's own notes as affected-query documents: published ones in the caller's TLP audience (<see cref="TlpAudience.PublicationLabels"/>).
/// Drafts are not yet advice, and a withdrawn note no longer is.
/// </summary>
public sealed class PublishedNoteSource(VigilDbContext db, PublishedNoteCatalog catalog) : IAffectedProductSource
{
    public const string Kind = "vigil-note";

    public Task<AffectingDocuments> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        catalog.ForAudienceAsync(db, TlpAudience.PublicationLabels(db.Reader), cancellationToken);
}
