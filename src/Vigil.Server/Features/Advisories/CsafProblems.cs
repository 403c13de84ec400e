using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Csaf.Validation;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Advisories;

/// <summary>The problem (RFC 9457) for a CSAF document that fails validation: one error per failed check.</summary>
public static class CsafProblems
{
    public const string InvalidCsafType = "urn:vigil:problem:invalid-csaf";

    public static ProblemHttpResult Invalid(CsafValidationReport report) =>
        Problems.Create(StatusCodes.Status422UnprocessableEntity, InvalidCsafType, "The CSAF document is invalid",
            $"It fails {string.Join(", ", report.FailedTests)}. See 'errors': each names the failed test (a CSAF 2.0 section 6.1 " +
            "number, or 'schema' for the JSON schema) and the offending value by JSON Pointer (RFC 6901).",
            report.Findings.Select(f => new Dictionary<string, string> { ["test"] = f.Test, ["pointer"] = f.Path, ["detail"] = f.Message }));
}
