using Microsoft.Extensions.Options;
using Vigil.Data.Entities;

namespace Vigil.Server.Features.Users;

/// <summary>
/// Signing in with an e-mail and password (and the second factor's code, once one is set up): one path for the API
/// and the pages. A locked name is refused before the password is looked at; an unknown e-mail, a wrong password, a
/// disabled user and a missing or wrong code all fail alike and count towards the lock.
/// </summary>
public sealed class PasswordSignIn(UserAccounts accounts, AccountLockout lockout, TotpFactor totp, IOptions<AccountsOptions> options)
{
    public abstract record Outcome;

    /// <summary>The password (and code) were right. <paramref name="MustEnrolTotp"/>: the role needs a second factor the user has not set up.</summary>
    public sealed record SignedIn(User User, bool MustEnrolTotp) : Outcome;

    public sealed record Failed : Outcome;

    public sealed record LockedOut(TimeSpan RetryAfter) : Outcome;

    public async Task<Outcome> SignInAsync(string email, string password, string? totpCode, CancellationToken cancellationToken)
    {
        if (await lockout.LockedForAsync(email, cancellationToken) is { } wait)
        {
            return new LockedOut(wait);
        }
        var user = await accounts.CheckPasswordAsync(email, password, cancellationToken);
        if (user is null || (user.TotpEnabledAt is not null && !await totp.AcceptAsync(user, totpCode, cancellationToken)))
        {
            await lockout.RecordFailureAsync(email, cancellationToken);
            return new Failed();
        }
        await lockout.ResetAsync(email, cancellationToken);
        return new SignedIn(user, user.TotpEnabledAt is null && options.Value.RequireTotpForRoles.Contains(user.Role));
    }

    /// <summary>Seconds to wait, rounded up, for a Retry-After header.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
