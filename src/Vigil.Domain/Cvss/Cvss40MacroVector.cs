namespace Vigil.Domain.Cvss;

/// <summary>
/// The six equivalence-class levels (EQ1 to EQ6) of a CVSS v4.0 vector, which together name the MacroVector whose
/// score the experts fixed (specification, section 8.2). Level 0 is the most severe class of each equation.
/// </summary>
public readonly record struct Cvss40MacroVector(int Eq1, int Eq2, int Eq3, int Eq4, int Eq5, int Eq6)
{
    /// <summary>The equivalence classes of a vector's effective values.</summary>
    public static Cvss40MacroVector Of(Cvss40Vector v)
    {
        string M(string key) => v.Effective(key);

        var eq1 = (M("AV"), M("PR"), M("UI")) switch
        {
            ("N", "N", "N") => 0,
            (var av, var pr, var ui) when av != "P" && (av == "N" || pr == "N" || ui == "N") => 1,
            _ => 2,
        };
        var eq2 = M("AC") == "L" && M("AT") == "N" ? 0 : 1;
        var eq3 = (M("VC"), M("VI"), M("VA")) switch
        {
            ("H", "H", _) => 0,
            (var vc, var vi, var va) when vc == "H" || vi == "H" || va == "H" => 1,
            _ => 2,
        };
        var eq4 = M("SI") == "S" || M("SA") == "S" ? 0
            : M("SC") == "H" || M("SI") == "H" || M("SA") == "H" ? 1
            : 2;
        var eq5 = M("E") switch { "A" => 0, "P" => 1, _ => 2 };
        var eq6 = (M("CR") == "H" && M("VC") == "H") || (M("IR") == "H" && M("VI") == "H") || (M("AR") == "H" && M("VA") == "H")
            ? 0
            : 1;
        return new Cvss40MacroVector(eq1, eq2, eq3, eq4, eq5, eq6);
    }

    /// <summary>The six digits, as the MacroVector tables key them (for example <c>001100</c>).</summary>
    public override string ToString() => $"{Eq1}{Eq2}{Eq3}{Eq4}{Eq5}{Eq6}";
}
