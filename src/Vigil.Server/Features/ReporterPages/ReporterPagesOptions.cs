using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Features.ReporterPages;

/// <summary>Section "ReporterPages": how long a page session lasts, and whether its cookie is always Secure.</summary>
public sealed class ReporterPagesOptions
{
    public const string Section = "ReporterPages";

    /// <summary>A session ends this long after sign-in, whatever happens in between.</summary>
    [Range(1, 24)]
    public int SessionHours { get; set; } = 8;

    /// <summary>
    /// Marks the cookie Secure even when the request reached Vigil over plain HTTP, as it does behind a
    /// TLS-terminating proxy. A request that came over HTTPS always gets a Secure cookie.
    /// </summary>
    public bool SecureCookie { get; set; }
}
