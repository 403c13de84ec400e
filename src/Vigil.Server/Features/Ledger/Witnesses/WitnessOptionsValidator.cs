using Microsoft.Extensions.Options;
using Vigil.Ledger.Notes;

namespace Vigil.Server.Features.Ledger.Witnesses;

/// <summary>Checks Ledger:Witnesses on start: each has a distinct name, an http(s) URL, and a cosignature key of that name.</summary>
public sealed class WitnessOptionsValidator : IValidateOptions<LedgerOptions>
{
    public ValidateOptionsResult Validate(string? name, LedgerOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Witnesses.Count; i++)
        {
            var witness = options.Witnesses[i];
            var at = $"Ledger:Witnesses:{i}";
            if (!Uri.TryCreate(witness.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"{at}:Url must be an absolute http or https URL, the witness's submission prefix.");
            }
            try
            {
                if (NoteVerifier.Parse(witness.VerifierKey) is not Ed25519CosignatureVerifier verifier)
                {
                    failures.Add($"{at}:VerifierKey must be an Ed25519 cosignature key (type 0x04).");
                }
                else if (verifier.Name != witness.Name)
                {
                    failures.Add($"{at}:Name must be the name in its verifier key, '{verifier.Name}'.");
                }
            }
            catch (FormatException e)
            {
                failures.Add($"{at}:VerifierKey is not a verifier key: {e.Message}");
            }
            if (options.Witnesses.Take(i).Any(w => w.Name == witness.Name))
            {
                failures.Add($"{at}:Name '{witness.Name}' is configured twice.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
