using System.Globalization;

namespace Vigil.Domain.Tests.Cvss;

/// <summary>
/// Rows of the shared sample-vector files (<c>shared/data/cvss/*-sample-vectors.csv</c>; provenance in the
/// SOURCES.md beside them). Plain CSV: no field holds a comma, so a split suffices.
/// </summary>
internal static class CvssSampleVectors
{
    public static IEnumerable<string[]> Rows(string fileName)
    {
        var lines = File.ReadAllLines(SharedData.File("cvss", fileName));
        return lines.Skip(1).Where(line => line.Length > 0).Select(line => line.Split(','));
    }

    public static double Score(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
