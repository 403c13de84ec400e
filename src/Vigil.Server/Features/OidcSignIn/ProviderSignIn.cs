using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Server.Features.Users;

namespace Vigil.Server.Features.OidcSignIn;

/// <summary>
/// Signing in with an e-mail an OpenID Connect provider vouched for: the enabled Vigil user with that e-mail, and no
/// one else (no account is created). The provider stands in for the password only: a locked name stays locked, and a
/// user with a second factor gives its code here as with a password, a wrong code counting towards the lock.
/// </summary>
public sealed class ProviderSignIn(VigilDbContext db, AccountLockout lockout, TotpFactor totp, IOptions<AccountsOptions> options)
{
    /// <summary>The user has a second factor: ask for its code (again, when <paramref name="WrongCode"/>).</summary>
    public sealed record CodeNeeded(bool WrongCode) : PasswordSignIn.Outcome;

    /// <param name="totpCode">Null until the user has been asked for it.</param>
    public async Task<PasswordSignIn.Outcome> SignInAsync(string email, string? totpCode, CancellationToken cancellationToken)
    {
        if (await lockout.LockedForAsync(email, cancellationToken) is { } wait)
        {
            return new PasswordSignIn.LockedOut(wait);
        }
        var lowered = email.ToLowerInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == lowered && u.DisabledAt == null, cancellationToken);
        if (user is null)
        {
            // Not a guess at a secret (the provider vouched for the e-mail), so it does not count towards the lock.
            return new PasswordSignIn.Failed();
        }
        if (user.TotpEnabledAt is not null)
        {
            if (totpCode is null)
            {
                return new CodeNeeded(WrongCode: false);
            }
            if (!await totp.AcceptAsync(user, totpCode, cancellationToken))
            {
                await lockout.RecordFailureAsync(email, cancellationToken);
                return new CodeNeeded(WrongCode: true);
            }
        }
        await lockout.ResetAsync(email, cancellationToken);
        return new PasswordSignIn.SignedIn(user, user.TotpEnabledAt is null && options.Value.RequireTotpForRoles.Contains(user.Role));
    }
}
