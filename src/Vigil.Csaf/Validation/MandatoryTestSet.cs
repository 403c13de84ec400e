using Vigil.Csaf.Validation.MandatoryTests;

namespace Vigil.Csaf.Validation;

/// <summary>The mandatory tests of CSAF 2.0 section 6.1, in the specification's order.</summary>
public static class MandatoryTestSet
{
    /// <summary>Every mandatory test.</summary>
    public static IReadOnlyList<IMandatoryTest> All { get; } =
    [
        new Test_6_1_1(), new Test_6_1_2(), new Test_6_1_3(), new Test_6_1_4(), new Test_6_1_5(),
        new Test_6_1_6(), new Test_6_1_7(), new Test_6_1_8(), new Test_6_1_9(), new Test_6_1_10(),
        new Test_6_1_11(), new Test_6_1_12(), new Test_6_1_13(), new Test_6_1_14(), new Test_6_1_15(),
        new Test_6_1_16(), new Test_6_1_17(), new Test_6_1_18(), new Test_6_1_19(), new Test_6_1_20(),
        new Test_6_1_21(), new Test_6_1_22(), new Test_6_1_23(), new Test_6_1_24(), new Test_6_1_25(),
        new Test_6_1_26(),
        new Test_6_1_27_1(), new Test_6_1_27_2(), new Test_6_1_27_3(), new Test_6_1_27_4(), new Test_6_1_27_5(),
        new Test_6_1_27_6(), new Test_6_1_27_7(), new Test_6_1_27_8(), new Test_6_1_27_9(), new Test_6_1_27_10(),
        new Test_6_1_27_11(),
        new Test_6_1_28(), new Test_6_1_29(), new Test_6_1_30(), new Test_6_1_31(), new Test_6_1_32(), new Test_6_1_33(),
    ];
}
