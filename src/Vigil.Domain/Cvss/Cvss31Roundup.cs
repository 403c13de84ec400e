namespace Vigil.Domain.Cvss;

/// <summary>
/// The Roundup function of CVSS v3.1 (specification, Appendix A): the smallest number with one decimal that is
/// equal to or higher than its input. It works on the input scaled to an integer first, because a plain ceiling
/// of <c>x * 10</c> turns floating-point noise such as 4.000000000000001 into 4.1.
/// </summary>
public static class Cvss31Roundup
{
    /// <summary>Rounds up to one decimal as the v3.1 specification defines.</summary>
    public static double Apply(double input)
    {
        var scaled = (long)Math.Round(input * 100_000, MidpointRounding.AwayFromZero);
        return scaled % 10_000 == 0
            ? scaled / 100_000.0
            : (Math.Floor(scaled / 10_000.0) + 1) / 10.0;
    }
}
