using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Users;

/// <summary>Creating users and issuing their tokens: shared by the admin API, the first start and `vigil admin init`.</summary>
public sealed class UserAccounts(VigilDbContext db, TimeProvider clock, IPasswordHasher<User> hasher)
{
    /// <summary>Passwords shorter than this are refused (NIST SP 800-63B asks for at least 8; we ask for more).</summary>
    public const int MinPasswordLength = 12;

    public User Create(string email, string role, string? organisationId, string? password)
    {
        var user = new User
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()).ToString(),
            Email = email.ToLowerInvariant(),
            Role = role,
            OrganisationId = organisationId,
            CreatedAt = clock.GetUtcNow(),
        };
        if (password is not null)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
        }
        db.Users.Add(user);
        return user;
    }

    public ApiTokens.Issued IssueToken(string userId, string name, DateTimeOffset? expiresAt = null)
    {
        var issued = ApiTokens.Issue(userId, name, clock.GetUtcNow(), expiresAt);
        db.ApiTokens.Add(issued.Entity);
        return issued;
    }

    public async Task<User?> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email.ToLowerInvariant(), cancellationToken);
        if (user?.PasswordHash is null)
        {
            // Spend the same work as a real check so that timing does not tell which e-mails exist.
            hasher.VerifyHashedPassword(new User { Id = "", Email = "", Role = "" }, DummyHash.Value, password);
            return null;
        }
        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
        }
        return result == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>Creates the first admin and a token for it, if there is no user yet; null otherwise.</summary>
    public async Task<(User Admin, string Token)?> InitialiseAsync(string adminEmail, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return null;
        }
        var admin = Create(adminEmail, Roles.Admin, null, null);
        var token = IssueToken(admin.Id, "bootstrap");
        await db.SaveChangesAsync(cancellationToken);
        return (admin, token.Secret);
    }

    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<User>().HashPassword(new User { Id = "", Email = "", Role = "" }, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));
}
