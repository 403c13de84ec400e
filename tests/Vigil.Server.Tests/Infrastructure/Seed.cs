using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Users;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>Creates users and tokens through the server's own account code, as an admin would.</summary>
public static class Seed
{
    public sealed record Created(string UserId, string? OrganisationId, string Token);

    public static async Task<Created> UserAsync(IServiceProvider services, string role, string? organisationId = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        if (role == Roles.Reporter && organisationId is null)
        {
            organisationId = Guid.NewGuid().ToString();
            db.Organisations.Add(new Organisation
            {
                Id = organisationId,
                Name = "Org " + organisationId,
                Sector = "telecom",
                Country = "IN",
                ContactName = "Contact",
                ContactEmail = "contact@example.org",
                CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
            });
        }
        var user = accounts.Create($"{role}-{Guid.NewGuid():N}@example.org", role, organisationId, null);
        var token = accounts.IssueToken(user.Id, "test");
        await db.SaveChangesAsync();
        return new Created(user.Id, organisationId, token.Secret);
    }
}
