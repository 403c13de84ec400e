using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notes;

/// <summary>
/// Shares and names written straight into the database, as the sharing endpoints will: an AMBER thing shared with an
/// organisation, or a person named on a RED one.
/// </summary>
public static class NoteGrants
{
    public static Task ShareAsync(this VigilFactory factory, string objectKind, string objectId, string organisationId) =>
        factory.GrantAsync(new AccessGrant { ObjectKind = objectKind, ObjectId = objectId, OrganisationId = organisationId, GrantedAt = factory.Clock.GetUtcNow() });

    public static Task NameAsync(this VigilFactory factory, string objectKind, string objectId, string userId) =>
        factory.GrantAsync(new AccessGrant { ObjectKind = objectKind, ObjectId = objectId, UserId = userId, GrantedAt = factory.Clock.GetUtcNow() });

    private static async Task GrantAsync(this VigilFactory factory, AccessGrant grant)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        db.AccessGrants.Add(grant);
        await db.SaveChangesAsync();
    }
}
