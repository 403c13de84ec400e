using Vigil.Csaf.Writing;
using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Features.Csaf;

/// <summary>Who publishes Vigil's CSAF documents and where they live. Section "Csaf".</summary>
public sealed class CsafOptions
{
    public const string Section = "Csaf";

    /// <summary>The public address the CERT serves Vigil at (scheme and host, no path), such as https://cert.example.org.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "https://cert.example.org";

    [Required, StringLength(200, MinimumLength = 1)]
    public string PublisherName { get; set; } = "National CERT";

    /// <summary>The publisher's namespace in CSAF (a URL it controls); the base URL when not set.</summary>
    [Url]
    public string? PublisherNamespace { get; set; }

    /// <summary>How to reach the CERT's security team: written into CSAF and security.txt.</summary>
    [Required, EmailAddress]
    public string ContactEmail { get; set; } = "security@cert.example.org";

    /// <summary>The OpenPGP secret key that signs documents; {DataDirectory}/csaf-openpgp.key (made on first use) when not set.</summary>
    public string? OpenPgpKeyFile { get; set; }

    /// <summary>Who signs: the user id of the OpenPGP key Vigil generates on first start.</summary>
    public string OpenPgpUserId => $"{PublisherName} CSAF <{ContactEmail}>";

    public string Namespace => (PublisherNamespace ?? BaseUrl).TrimEnd('/');

    /// <summary>The publisher as the documents and feeds name it.</summary>
    public CsafPublisher Publisher => new(PublisherName, Namespace, ContactEmail);
}
