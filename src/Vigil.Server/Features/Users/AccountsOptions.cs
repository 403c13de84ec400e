using System.ComponentModel.DataAnnotations;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Users;

/// <summary>Section "Accounts": how long tokens, reset codes and lockouts last, and who must use a second factor.</summary>
public sealed class AccountsOptions : IValidatableObject
{
    public const string Section = "Accounts";

    /// <summary>The lifetime of a token an administrator issues without <c>expires_at</c>.</summary>
    public TimeSpan DefaultTokenLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>No token is issued to last longer than this.</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>The token a password sign-in gives.</summary>
    public TimeSpan SignInTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The first administrator's bootstrap token; it also ends once another administrator can sign in.</summary>
    public TimeSpan BootstrapTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a password-reset code an administrator asked for works (once).</summary>
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Roles whose password sign-in needs a second factor; until one is set up, sign-in gives only a token to enrol it.</summary>
    public List<string> RequireTotpForRoles { get; set; } = [];

    /// <summary>The token that may only enrol a second factor.</summary>
    public TimeSpan TotpEnrolmentTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Consecutive failed sign-ins for one e-mail before it is locked.</summary>
    [Range(1, 100)]
    public int LockoutAfterFailures { get; set; } = 5;

    /// <summary>The first lock; each further failure doubles it, up to <see cref="LockoutMax"/>.</summary>
    public TimeSpan LockoutFirst { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan LockoutMax { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[]
        {
            (nameof(DefaultTokenLifetime), DefaultTokenLifetime), (nameof(MaxTokenLifetime), MaxTokenLifetime),
            (nameof(SignInTokenLifetime), SignInTokenLifetime), (nameof(BootstrapTokenLifetime), BootstrapTokenLifetime),
            (nameof(PasswordResetLifetime), PasswordResetLifetime), (nameof(TotpEnrolmentTokenLifetime), TotpEnrolmentTokenLifetime),
            (nameof(LockoutFirst), LockoutFirst), (nameof(LockoutMax), LockoutMax),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"Accounts:{name} must be a positive time span, such as 1.00:00:00.", [name]);
            }
        }
        if (DefaultTokenLifetime > MaxTokenLifetime)
        {
            yield return new ValidationResult("Accounts:DefaultTokenLifetime must not exceed Accounts:MaxTokenLifetime.", [nameof(DefaultTokenLifetime)]);
        }
        if (SignInTokenLifetime > MaxTokenLifetime || BootstrapTokenLifetime > MaxTokenLifetime)
        {
            yield return new ValidationResult("Accounts:SignInTokenLifetime and BootstrapTokenLifetime must not exceed Accounts:MaxTokenLifetime.",
                [nameof(SignInTokenLifetime), nameof(BootstrapTokenLifetime)]);
        }
        if (LockoutFirst > LockoutMax)
        {
            yield return new ValidationResult("Accounts:LockoutFirst must not exceed Accounts:LockoutMax.", [nameof(LockoutFirst)]);
        }
        foreach (var role in RequireTotpForRoles.Where(r => !Roles.All.Contains(r)))
        {
            yield return new ValidationResult(
                $"Accounts:RequireTotpForRoles names '{role}', which is not a role; expected some of: {string.Join(", ", Roles.All)}.", [nameof(RequireTotpForRoles)]);
        }
    }
}
