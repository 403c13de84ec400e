using System.Text;
using Microsoft.AspNetCore.Http;
using Vigil.Ledger.Witnessing;

namespace Vigil.Cli.Witness;

/// <summary>
/// POST /add-checkpoint, as C2SP tlog-witness defines it: 200 with the cosignature line, 400 malformed, 403 no trusted
/// signature, 404 unknown log, 409 with the latest cosigned size (exactly text/x.tlog.size), 422 a proof that does not verify
/// (including a non-empty one between equal sizes).
/// </summary>
public static class AddCheckpointEndpoint
{
    /// <summary>A checkpoint with a proof of 63 hashes and many signatures is still a few kilobytes.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public static async Task<IResult> HandleAsync(HttpRequest http, CheckpointWitness witness, WitnessState state, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(http, cancellationToken);
        if (body is null)
        {
            return Text(StatusCodes.Status400BadRequest, $"The request body must be UTF-8 text of at most {MaxBodyBytes} bytes.\n");
        }
        AddCheckpointRequest request;
        try
        {
            request = AddCheckpointRequest.Parse(body);
        }
        catch (FormatException e)
        {
            return Text(StatusCodes.Status400BadRequest, e.Message + "\n");
        }
        var origin = request.Claimed.Origin;
        return await state.InTurnAsync(async () =>
        {
            var verdict = witness.Evaluate(request, await state.LatestAsync(origin, cancellationToken));
            if (verdict.IsEvidenceOfMisbehaviour)
            {
                await state.KeepEvidenceAsync(origin, body, clock.GetUtcNow(), cancellationToken);
            }
            if (verdict.Outcome == AddCheckpointOutcome.Accepted)
            {
                // Persisted before answering: a cosignature is never given for a state the witness could forget.
                await state.RecordAsync(origin, request.Note, cancellationToken);
                return Text(StatusCodes.Status200OK, witness.Cosign(verdict.Checkpoint!).ToLine());
            }
            return verdict.HttpStatus == StatusCodes.Status409Conflict
                ? new ExactTextResult(verdict.HttpStatus, WitnessProtocol.SizeContentType, WitnessProtocol.FormatSize(verdict.LatestSize))
                : Text(verdict.HttpStatus, verdict.Detail + "\n");
        }, cancellationToken);
    }

    /// <summary>
    /// A text answer whose Content-Type is exactly the given media type: tlog-witness requires a bare
    /// <c>text/x.tlog.size</c>, and the framework's text results would append a charset parameter.
    /// </summary>
    private sealed class ExactTextResult(int status, string contentType, string text) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var body = Encoding.UTF8.GetBytes(text);
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = contentType;
            httpContext.Response.ContentLength = body.Length;
            await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }

    private static IResult Text(int status, string text) => Results.Text(text, "text/plain; charset=utf-8", Encoding.UTF8, status);

    private static async Task<string?> ReadBodyAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (http.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
