namespace Vigil.Domain.Cvss;

/// <summary>
/// Why a CVSS vector string was refused: the metric at fault (its abbreviation, such as <c>AV</c>, or
/// <c>CVSS</c> for the version prefix) and a sentence a person can act on. The server answers 422 with both.
/// </summary>
/// <param name="Metric">The metric abbreviation the problem is about.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record CvssVectorError(string Metric, string Message);
