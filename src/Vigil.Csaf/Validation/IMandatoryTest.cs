using System.Text.Json;

namespace Vigil.Csaf.Validation;

/// <summary>One mandatory test of CSAF 2.0 section 6.1.</summary>
public interface IMandatoryTest
{
    /// <summary>The test's number in the specification, such as <c>6.1.7</c> or <c>6.1.27.4</c>.</summary>
    string Number { get; }

    /// <summary>Runs the test on a document that already matches the JSON schema.</summary>
    /// <param name="document">The document's root object.</param>
    /// <returns>One finding per offending value; empty when the test passes.</returns>
    IEnumerable<CsafFinding> Run(JsonElement document);
}
