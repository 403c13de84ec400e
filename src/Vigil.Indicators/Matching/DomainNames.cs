using System.Globalization;
using System.Text;

namespace Vigil.Indicators.Matching;

/// <summary>Domain name normalisation: ASCII (IDNA) form, lower case, no trailing dot.</summary>
internal static class DomainNames
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = true, UseStd3AsciiRules = false };

    /// <summary>The comparable form of a domain, or null when it cannot be a domain name.</summary>
    public static string? Normalize(ReadOnlySpan<char> domain)
    {
        domain = domain.Trim().TrimEnd('.');
        // A leading "*." in an indicator means "any subdomain", which every domain indicator already matches.
        if (domain.StartsWith("*.")) { domain = domain[2..]; }
        if (domain.IsEmpty) { return null; }
        if (!Ascii.IsValid(domain)) { return ToAscii(domain); }
        return domain.ToString().ToLowerInvariant();
    }

    /// <summary>True when a host needs IDNA conversion before lookup.</summary>
    public static bool NeedsConversion(ReadOnlySpan<char> host) => !Ascii.IsValid(host);

    public static string? ToAscii(ReadOnlySpan<char> domain)
    {
        try
        {
            return Idn.GetAscii(domain.ToString()).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
