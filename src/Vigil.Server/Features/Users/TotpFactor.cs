using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Users;

/// <summary>
/// A user's second factor: a 160-bit RFC 6238 secret, stored sealed under the vault key with the user's id as
/// associated data (so a sealed secret copied onto another user does not open), and the codes it accepts.
/// </summary>
public sealed class TotpFactor(VigilDbContext db, VaultKey vault, TimeProvider clock)
{
    public const int SecretBytes = 20;

    /// <summary>Starts (or restarts) enrolment: a new secret, sealed onto the user (unsaved); the plaintext is for the answer only.</summary>
    public byte[] NewSecret(User user)
    {
        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        user.TotpSecret = vault.Seal(secret, AssociatedData(user.Id));
        user.TotpEnabledAt = null;
        user.TotpLastStep = null;
        return secret;
    }

    /// <summary>
    /// Whether <paramref name="code"/> is the user's current code and was not accepted before. The step is taken in the
    /// database with a condition on the last one, so that two requests racing with the same code cannot both pass.
    /// </summary>
    public async Task<bool> AcceptAsync(User user, string? code, CancellationToken cancellationToken)
    {
        if (user.TotpSecret is null)
        {
            return false;
        }
        var secret = vault.Open(user.TotpSecret, AssociatedData(user.Id));
        try
        {
            if (Totp.Match(secret, code, clock.GetUtcNow(), user.TotpLastStep) is not { } step)
            {
                return false;
            }
            var taken = await db.Users.Where(u => u.Id == user.Id && (u.TotpLastStep == null || u.TotpLastStep < step))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.TotpLastStep, step), cancellationToken);
            return taken == 1;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    public static void Remove(User user)
    {
        user.TotpSecret = null;
        user.TotpEnabledAt = null;
        user.TotpLastStep = null;
    }

    private static byte[] AssociatedData(string userId) => Encoding.UTF8.GetBytes(userId);
}
