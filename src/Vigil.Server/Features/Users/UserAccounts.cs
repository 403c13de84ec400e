using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Users;

/// <summary>Creating users, issuing their tokens and checking their passwords: shared by the API, the pages, the first start and the CLI.</summary>
public sealed class UserAccounts(
    VigilDbContext db, TimeProvider clock, IPasswordHasher<User> hasher, IOptions<AccountsOptions> options, EventRecorder events, WriteTransactions writes)
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
            SetPassword(user, password);
        }
        db.Users.Add(user);
        return user;
    }

    public void SetPassword(User user, string password)
    {
        user.PasswordHash = hasher.HashPassword(user, password);
        user.PasswordChangedAt = clock.GetUtcNow();
    }

    /// <summary>Adds (unsaved) a token; the API sets <paramref name="expiresAt"/> from <see cref="AccountsOptions"/>.</summary>
    public ApiTokens.Issued IssueToken(string userId, string name, DateTimeOffset? expiresAt = null, ApiTokens.Kind? kind = null)
    {
        var issued = ApiTokens.Issue(userId, name, clock.GetUtcNow(), expiresAt, kind);
        db.ApiTokens.Add(issued.Entity);
        return issued;
    }

    /// <summary>The user whose password this is, if it is enabled; null for an unknown e-mail, a wrong password or a disabled user alike.</summary>
    public async Task<User?> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email.ToLowerInvariant(), cancellationToken);
        if (user?.PasswordHash is null)
        {
            // Spend the same work as a real check so that timing does not tell which e-mails exist.
            hasher.VerifyHashedPassword(new User { Id = "", Email = "", Role = "" }, DummyHash.Value, password);
            return null;
        }
        var result = VerifyPassword(user, password);
        return result && user.DisabledAt is null ? user : null;
    }

    /// <summary>Whether <paramref name="password"/> is the user's; rehashes it (unsaved) when the hasher asks to.</summary>
    public bool VerifyPassword(User user, string password)
    {
        if (user.PasswordHash is null)
        {
            return false;
        }
        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
        }
        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>
    /// Creates the first admin and its bootstrap token, if there is no user yet; null otherwise. The token ends after
    /// <see cref="AccountsOptions.BootstrapTokenLifetime"/>, or sooner, as soon as another administrator can sign in.
    /// </summary>
    public async Task<(User Admin, string Token, DateTimeOffset ExpiresAt)?> InitialiseAsync(string adminEmail, CancellationToken cancellationToken)
    {
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return null;
        }
        var admin = Create(adminEmail, Roles.Admin, null, null);
        var token = IssueToken(admin.Id, "bootstrap", clock.GetUtcNow() + options.Value.BootstrapTokenLifetime, new ApiTokens.Kind(IsBootstrap: true));
        // Vigil itself is the actor of both: no one was signed in.
        await events.RecordAsync(AccountEvents.About(admin, AccountEvents.UserCreated, new() { ["email"] = admin.Email, ["role"] = admin.Role }), null, cancellationToken);
        await events.RecordAsync(AccountEvents.AboutToken(token.Entity, admin, AccountEvents.TokenIssued, AccountEvents.TokenDetails(token.Entity)), null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (admin, token.Secret, token.Entity.ExpiresAt!.Value);
    }

    /// <summary>How a token was recovered on Vigil's machine: the command run and the operator's account there, both on the record.</summary>
    public sealed record Recovery(string Via, string Operator)
    {
        /// <summary>The account running the command on this machine: whoever can open the database can do this, so it is named.</summary>
        public static Recovery OnThisMachine(string via) => new(via, $"{Environment.UserName} on {Environment.MachineName}");
    }

    /// <summary>
    /// A token for an enabled administrator, issued from the machine Vigil runs on (`vigil admin recover`, `vigil admin
    /// init --new-token`) for when no administrator can sign in any more (a lost bootstrap token): it lasts as long as
    /// a bootstrap token and is on the record with who issued it, Vigil itself being the actor. Null when there is no
    /// enabled administrator with that e-mail.
    /// </summary>
    public async Task<ApiTokens.Issued?> RecoverAsync(string adminEmail, Recovery by, CancellationToken cancellationToken)
    {
        var admin = await db.Users.AsNoTracking()
            .SingleOrDefaultAsync(u => u.Email == adminEmail.ToLowerInvariant() && u.Role == Roles.Admin && u.DisabledAt == null, cancellationToken);
        if (admin is null)
        {
            return null;
        }
        var token = IssueToken(admin.Id, "recovery", clock.GetUtcNow() + options.Value.BootstrapTokenLifetime);
        await events.RecordAsync(AccountEvents.AboutToken(token.Entity, admin, AccountEvents.TokenIssued, Recorded(AccountEvents.TokenDetails(token.Entity), by)), null, cancellationToken);
        return token;
    }

    /// <summary>
    /// When no administrator is enabled any more: a new one, with a recovery token, both on the record with who made
    /// them. Null when an enabled administrator exists (recover that one instead).
    /// </summary>
    public async Task<(User Admin, ApiTokens.Issued Token)?> CreateRecoveryAdminAsync(string email, Recovery by, CancellationToken cancellationToken)
    {
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        if (await db.Users.AnyAsync(u => u.Role == Roles.Admin && u.DisabledAt == null, cancellationToken)
            || await db.Users.AnyAsync(u => u.Email == email.ToLowerInvariant(), cancellationToken))
        {
            return null;
        }
        var admin = Create(email, Roles.Admin, null, null);
        var token = IssueToken(admin.Id, "recovery", clock.GetUtcNow() + options.Value.BootstrapTokenLifetime);
        await events.RecordAsync(AccountEvents.About(admin, AccountEvents.UserCreated, Recorded(new() { ["email"] = admin.Email, ["role"] = admin.Role }, by)), null, cancellationToken);
        await events.RecordAsync(AccountEvents.AboutToken(token.Entity, admin, AccountEvents.TokenIssued, Recorded(AccountEvents.TokenDetails(token.Entity), by)), null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (admin, token);
    }

    /// <summary>The enabled administrators' e-mails, for an operator who named none of them.</summary>
    public async Task<IReadOnlyList<string>> EnabledAdminEmailsAsync(CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Role == Roles.Admin && u.DisabledAt == null).OrderBy(u => u.Email).Select(u => u.Email).ToListAsync(cancellationToken);

    private static System.Text.Json.Nodes.JsonObject Recorded(System.Text.Json.Nodes.JsonObject details, Recovery by)
    {
        details["via"] = by.Via;
        details["operator"] = by.Operator;
        return details;
    }

    /// <summary>
    /// Whether <paramref name="user"/> is the only enabled administrator, whom disabling or demoting would leave Vigil
    /// without one. Call inside a write transaction: on PostgreSQL the administrators' rows are locked, so that two
    /// administrators cannot each take the other away at the same moment (SQLite's transactions are serial already).
    /// </summary>
    public async Task<bool> IsLastEnabledAdminAsync(User user, CancellationToken cancellationToken)
    {
        if (user.Role != Roles.Admin || user.DisabledAt is not null)
        {
            return false;
        }
        if (db.Database.IsNpgsql())
        {
            await db.Users.FromSql($"SELECT * FROM users WHERE role = {Roles.Admin} AND disabled_at IS NULL FOR UPDATE").AsNoTracking().ToListAsync(cancellationToken);
        }
        return !await db.Users.AnyAsync(u => u.Id != user.Id && u.Role == Roles.Admin && u.DisabledAt == null, cancellationToken);
    }

    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<User>().HashPassword(new User { Id = "", Email = "", Role = "" }, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));
}
