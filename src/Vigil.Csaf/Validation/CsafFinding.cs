namespace Vigil.Csaf.Validation;

/// <summary>One failed check of a CSAF document.</summary>
/// <param name="Test">The check that failed: a mandatory test's number from CSAF 2.0 section 6.1 (such as <c>6.1.7</c>),
/// <c>schema</c> for the JSON schema, or <c>json</c> when the bytes are not JSON at all.</param>
/// <param name="Path">The JSON pointer (RFC 6901) of the offending value, such as <c>/vulnerabilities/0/scores/1</c>.</param>
/// <param name="Message">What is wrong, in a sentence.</param>
public sealed record CsafFinding(string Test, string Path, string Message)
{
    /// <summary>The finding as one line: test, path, message.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => $"{Test} {Path}: {Message}";
}
