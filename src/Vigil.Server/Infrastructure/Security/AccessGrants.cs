using Vigil.Data;
using Vigil.Data.Entities;

namespace Vigil.Server.Infrastructure.Security;

/// <summary>Names people on labelled things: whoever files, writes or imports something is named on it, so a RED label never locks its author out.</summary>
public static class AccessGrants
{
    /// <summary>Adds (unsaved) the author of a thing as a person named on it.</summary>
    public static void NameAuthor(VigilDbContext db, string objectKind, string objectId, string userId, DateTimeOffset now) =>
        db.AccessGrants.Add(new AccessGrant { ObjectKind = objectKind, ObjectId = objectId, UserId = userId, GrantedAt = now });
}
