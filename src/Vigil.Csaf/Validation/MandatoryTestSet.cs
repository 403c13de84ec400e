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
        new Test_6_1_11(), new Test_6_1_12(), new Test_6_1_13(),
    ];
}
