using Vigil.Server.Features.Users;

namespace Vigil.Server.Features.ReporterPages;

/// <summary>Why a sign-in to the pages opened no session, and the status it is answered with: the same for every way of signing in.</summary>
public sealed record SignInRefusal(SignInRefusal.Reason Why, TimeSpan? RetryAfter = null)
{
    public enum Reason
    {
        Failed,
        LockedOut,
        MustEnrolTotp,

        /// <summary>The OpenID Connect provider could not be reached to start a round trip.</summary>
        ProviderUnreachable,

        /// <summary>The round trip came back without a usable answer (a wrong or replayed state, the provider's error).</summary>
        ProviderIncomplete,
    }

    public int Status => Why switch
    {
        Reason.LockedOut => StatusCodes.Status429TooManyRequests,
        Reason.MustEnrolTotp => StatusCodes.Status403Forbidden,
        Reason.ProviderUnreachable => StatusCodes.Status502BadGateway,
        Reason.ProviderIncomplete => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status401Unauthorized,
    };

    public static SignInRefusal From(PasswordSignIn.Outcome outcome) => outcome switch
    {
        PasswordSignIn.LockedOut locked => new SignInRefusal(Reason.LockedOut, locked.RetryAfter),
        PasswordSignIn.SignedIn { MustEnrolTotp: true } => new SignInRefusal(Reason.MustEnrolTotp),
        _ => new SignInRefusal(Reason.Failed),
    };
}
