namespace Vigil.Indicators.Matching;

/// <summary>The kinds of value the matcher compares, each with its own matching rule.</summary>
public enum ObservableKind
{
    /// <summary>A domain name: case-insensitive, IDN-normalised, matching the indicator or any subdomain of it.</summary>
    Domain,

    /// <summary>A URL: compared without scheme, port and user info; its host is also matched as a domain.</summary>
    Url,

    /// <summary>An IPv4 address, compared in canonical form.</summary>
    Ipv4,

    /// <summary>An IPv6 address, compared in canonical form.</summary>
    Ipv6,

    /// <summary>An e-mail address, case-insensitive.</summary>
    Email,

    /// <summary>A file name without its directory, exact.</summary>
    FileName,

    /// <summary>A file path: exact, or under a directory indicator ending in '/'.</summary>
    FilePath,

    /// <summary>A hash (MD5, SHA-1, SHA-256, SHA-512) in hex, case-insensitive.</summary>
    Hash,

    /// <summary>A process name: exact, or the 15- or 16-character prefix iOS records for long names.</summary>
    ProcessName,

    /// <summary>An application or package id, case-insensitive.</summary>
    AppId,

    /// <summary>An iOS configuration profile id, exact.</summary>
    ConfigurationProfile,

    /// <summary>An Android system property name, exact.</summary>
    AndroidProperty,
}

/// <summary>One typed value seen in an artefact.</summary>
/// <param name="Kind">What kind of value it is.</param>
/// <param name="Value">The value as seen.</param>
public readonly record struct Observable(ObservableKind Kind, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Value}";
}
