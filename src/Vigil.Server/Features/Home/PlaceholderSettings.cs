using Microsoft.Extensions.Options;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Features.Indicators;
using Vigil.Server.Features.Ledger;

namespace Vigil.Server.Features.Home;

/// <summary>
/// Names, at start, each setting still holding the placeholder Vigil ships with: they end up in published documents,
/// signed checkpoints and shared bundles, where a placeholder is wrong and, once signed, hard to take back.
/// The placeholders are the options' own defaults, so the list cannot drift from them.
/// </summary>
public sealed partial class PlaceholderSettings(
    IOptions<CsafOptions> csaf, IOptions<LedgerOptions> ledger, IOptions<IndicatorSharingOptions> sharing, ILogger<PlaceholderSettings> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (setting, value, what) in Unchanged())
        {
            LogPlaceholder(logger, setting, value, what);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Each setting left at its placeholder: its name, the placeholder, and what to set instead.</summary>
    public IEnumerable<(string Setting, string Value, string What)> Unchanged()
    {
        CsafOptions csafDefaults = new();
        IndicatorSharingOptions sharingDefaults = new();
        (string Setting, string Value, string Default, string What)[] settings =
        [
            ("Csaf:BaseUrl", csaf.Value.BaseUrl, csafDefaults.BaseUrl, "the public https address Vigil is served at; CSAF documents and their URLs name it"),
            ("Csaf:ContactEmail", csaf.Value.ContactEmail, csafDefaults.ContactEmail, "the CERT's security contact, written into CSAF documents and security.txt"),
            ("Csaf:PublisherName", csaf.Value.PublisherName, csafDefaults.PublisherName, "the CERT's name as publisher of its CSAF documents"),
            ("Ledger:Origin", ledger.Value.Origin, new LedgerOptions().Origin, "a schema-less URL naming this log, such as cert.example.gov/vigil; it is in every signed checkpoint"),
            ("IndicatorSharing:IdentityName", sharing.Value.IdentityName, sharingDefaults.IdentityName, "the CERT's name in the STIX bundles it shares"),
            ("IndicatorSharing:IdentityId", sharing.Value.IdentityId, sharingDefaults.IdentityId, "an identity id of the CERT's own ('identity--' and a new lower-case UUID), kept for good"),
        ];
        return settings.Where(s => s.Value == s.Default).Select(s => (s.Setting, s.Value, s.What));
    }

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "{Setting} is still the placeholder {Value}: set it to {What}")]
    private static partial void LogPlaceholder(ILogger logger, string setting, string value, string what);
}
