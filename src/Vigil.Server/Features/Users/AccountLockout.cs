using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;

namespace Vigil.Server.Features.Users;

/// <summary>
/// Locks an account name after consecutive failed sign-ins, beside the per-address rate limit that a guesser with
/// many addresses gets round: after <see cref="AccountsOptions.LockoutAfterFailures"/> failures the name is locked for
/// <see cref="AccountsOptions.LockoutFirst"/>, doubled for each further failure up to <see cref="AccountsOptions.LockoutMax"/>.
/// Names are kept as the SHA-256 of the lower-case e-mail, and names that are no account count the same way, so a
/// lockout tells nothing about which e-mails exist. A success clears the count.
/// </summary>
public sealed class AccountLockout(VigilDbContext db, TimeProvider clock, IOptions<AccountsOptions> options)
{
    public static string KeyOf(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));

    /// <summary>How long the name stays locked; null when it is not locked.</summary>
    public async Task<TimeSpan?> LockedForAsync(string email, CancellationToken cancellationToken)
    {
        var key = KeyOf(email);
        var now = clock.GetUtcNow();
        var until = await db.SignInThrottles.AsNoTracking().Where(t => t.AccountKey == key && t.LockedUntil > now)
            .Select(t => t.LockedUntil).SingleOrDefaultAsync(cancellationToken);
        return until is { } at ? at - now : null;
    }

    public async Task RecordFailureAsync(string email, CancellationToken cancellationToken)
    {
        var key = KeyOf(email);
        var now = clock.GetUtcNow();
        // Counted in the database itself, so that concurrent failures are each counted.
        var counted = await db.SignInThrottles.Where(t => t.AccountKey == key)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, t => t.Failures + 1).SetProperty(t => t.LastFailureAt, now), cancellationToken);
        if (counted == 0 && !await TryFirstFailureAsync(key, now, cancellationToken))
        {
            await db.SignInThrottles.Where(t => t.AccountKey == key)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, t => t.Failures + 1).SetProperty(t => t.LastFailureAt, now), cancellationToken);
        }
        var failures = await db.SignInThrottles.AsNoTracking().Where(t => t.AccountKey == key).Select(t => t.Failures).SingleAsync(cancellationToken);
        if (LockFor(failures, options.Value) is { } lockFor)
        {
            var until = now + lockFor;
            await db.SignInThrottles.Where(t => t.AccountKey == key)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LockedUntil, until), cancellationToken);
        }
    }

    public Task ResetAsync(string email, CancellationToken cancellationToken)
    {
        var key = KeyOf(email);
        return db.SignInThrottles.Where(t => t.AccountKey == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The lock that <paramref name="failures"/> consecutive failures earn; null below the threshold.</summary>
    public static TimeSpan? LockFor(int failures, AccountsOptions options)
    {
        var beyond = failures - options.LockoutAfterFailures;
        if (beyond < 0)
        {
            return null;
        }
        // Doubling 30 times passes any sensible maximum; stop there rather than overflow.
        var doubled = options.LockoutFirst * Math.Pow(2, Math.Min(beyond, 30));
        return doubled < options.LockoutMax ? doubled : options.LockoutMax;
    }

    private async Task<bool> TryFirstFailureAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = new SignInThrottle { AccountKey = key, Failures = 1, LastFailureAt = now };
        db.SignInThrottles.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (!Infrastructure.Storage.StorageFull.Is(e))
        {
            // Another failure for the same name inserted the row first; count this one on it. (A full storage is no
            // race: it is answered as such.)
            return false;
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
