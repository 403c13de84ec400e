using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Localization;
using Vigil.Domain.Geography;

namespace Vigil.Server.Infrastructure.Web;

/// <summary>
/// The language and time zone the pages use for a reader: a signed-in user's own choice (kept with the user), else
/// the language cookie a visitor set with the switch, else the browser's; times in the user's zone, else its
/// organisation's country's, else the server's default (section "Web").
/// </summary>
public static class ReaderPreferences
{
    public const string CultureClaim = "vigil:culture";
    public const string ZoneClaim = "vigil:zone";

    /// <summary>The languages the pages are written in.</summary>
    public static readonly IReadOnlyList<CultureInfo> Cultures = [new("en"), new("hi")];

    public static bool IsSupported(string culture) => Cultures.Any(c => c.Name == culture);

    public static string? ZoneOfCountry(string? country) => country is null ? null : CountryTimeZones.For(country);

    /// <summary>The user's own language, when it chose one; read before the language cookie and the browser's.</summary>
    public sealed class UserCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            Task.FromResult(httpContext.User.FindFirstValue(CultureClaim) is { } culture && IsSupported(culture)
                ? new ProviderCultureResult(culture) : null);
    }

    /// <summary>The reader's zone: its own or its organisation's (a claim of the page session), else the default.</summary>
    public static TimeZoneInfo ZoneOf(ClaimsPrincipal user, string defaultZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(user.FindFirstValue(ZoneClaim) ?? defaultZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
