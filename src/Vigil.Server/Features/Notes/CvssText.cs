namespace Vigil.Server.Features.Notes;

/// <summary>CVSS metric names and the meaning of each value, v3.1 and v4.0 (CvssText.resx, CvssText.hi.resx); see <see cref="CvssExplanation"/>.</summary>
public sealed class CvssText;
