using Microsoft.Extensions.Options;

namespace Vigil.Server.Features.Ledger.Witnesses;

/// <summary>
/// GET /ledger/witnesses: the verifier keys of the configured witnesses, one a line (none: an empty body), as
/// /ledger/key gives the log's. A reader checking cosignatures should get these from the witnesses themselves; this
/// says which the log asks.
/// </summary>
public static class WitnessKeysEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/ledger/witnesses", (IOptions<LedgerOptions> options) =>
                TypedResults.Text(string.Concat(options.Value.Witnesses.Select(w => w.VerifierKey + "\n")), "text/plain; charset=utf-8"))
            .WithTags("Ledger").AllowAnonymous().WithSummary("The verifier keys of the witnesses the log asks to cosign its checkpoints");
}
