using CsCheck;
using Vigil.Domain.Versions;

namespace Vigil.Domain.Tests.Versions;

/// <summary>The algebra of ranges, checked on generated versions and constraint lists.</summary>
public sealed class VersionRangeProperties
{
    private static readonly VersionScheme IntDot = VersionSchemes.Find("intdot")!;
    private static readonly VersionScheme Semver = VersionSchemes.Find("semver")!;

    private static readonly Gen<string> IntDotVersion =
        Gen.Int[0, 4].Array[1, 3].Select(parts => string.Join('.', parts));

    private static readonly Gen<string> SemverVersion =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 2], Gen.OneOf("", "-alpha", "-alpha.1", "-beta", "-rc.1", "-1", "+build.5"))
            .Select((major, minor, patch, suffix) => $"{major}.{minor}.{patch}{suffix}");

    private static readonly VersionScheme Siemens = VersionSchemes.Find(SiemensVersionScheme.Type)!;

    /// <summary>Releases with optional service pack, update and hotfix levels, as a range holds them (15.1-upd4).</summary>
    private static readonly Gen<string> SiemensVersion =
        Gen.Select(Gen.Int[0, 3].Array[1, 2], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 2])
            .Select((release, sp, upd, hf) => string.Join('.', release) + (sp > 0 ? $"-sp{sp}" : "") + (upd > 0 ? $"-upd{upd}" : "") + (hf > 0 ? $"-hf{hf}" : ""));

    private static readonly Gen<VersionComparator> Comparator = Gen.OneOf(
        VersionComparator.Equal, VersionComparator.NotEqual, VersionComparator.LessThan,
        VersionComparator.LessOrEqual, VersionComparator.GreaterThan, VersionComparator.GreaterOrEqual);

    public static TheoryData<string> Schemes() => ["intdot", "semver", SiemensVersionScheme.Type];

    [Fact]
    public void Siemens_releases_are_ordered_consistently_and_read_back_from_the_way_vendors_write_them()
    {
        Gen.Select(SiemensVersion, SiemensVersion, SiemensVersion).Sample((a, b, c) =>
            Math.Sign(Siemens.Compare(a, b)) == -Math.Sign(Siemens.Compare(b, a))
            && (Siemens.Compare(a, b) > 0 && Siemens.Compare(b, c) > 0 ? Siemens.Compare(a, c) > 0 : true)
            && SiemensVersionScheme.Canonical(Spoken(a)) == a);
    }

    /// <summary>A canonical release as a vendor writes it: "V15.1 SP1 Upd 4 HF2".</summary>
    private static string Spoken(string canonical) =>
        "V" + canonical.Replace("-sp", " SP", StringComparison.Ordinal).Replace("-upd", " Upd ", StringComparison.Ordinal).Replace("-hf", " HF", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Schemes))]
    public void HalfOpenInterval_ContainsExactlyTheVersionsBetweenItsBounds(string type)
    {
        var (scheme, version) = Pick(type);
        Gen.Select(version, version, version)
            .Where((a, b, _) => scheme.Compare(a, b) < 0)
            .Sample((a, b, v) =>
                VersionRange.Create(type, [new(VersionComparator.GreaterOrEqual, a), new(VersionComparator.LessThan, b)]).Contains(v)
                == (scheme.Compare(a, v) <= 0 && scheme.Compare(v, b) < 0));
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void SingleVersion_ContainsOnlyVersionsEqualToIt(string type)
    {
        var (scheme, version) = Pick(type);
        Gen.Select(version, version).Sample((a, v) =>
            VersionRange.Create(type, [new(VersionComparator.Equal, a)]).Contains(v) == scheme.AreEqual(a, v)
            && VersionRange.Create(type, [new(VersionComparator.NotEqual, a)]).Contains(v) == false);
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Normalisation_IsIdempotentAndParsesBack(string type)
    {
        var (_, version) = Pick(type);
        Constraints(type, version).Sample(constraints =>
        {
            var once = VersionRange.Create(type, constraints);
            var twice = VersionRange.Create(type, once.Constraints);
            return twice.ToString() == once.ToString() && VersionRange.Parse(once.ToString()).ToString() == once.ToString();
        });
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Normalisation_KeepsTheVersionsOfAValidRange(string type)
    {
        var (scheme, version) = Pick(type);
        Gen.Select(Constraints(type, version), version).Sample((constraints, v) =>
        {
            var sorted = constraints.Order(Comparer<VersionConstraint>.Create((x, y) => scheme.Compare(x.Version, y.Version)));
            var written = $"vers:{type}/{string.Join('|', sorted)}";
            return !VersionRange.TryParse(written, out var valid, out _)
                || valid.Contains(v) == VersionRange.Create(type, valid.Constraints).Contains(v);
        });
    }

    private static (VersionScheme Scheme, Gen<string> Version) Pick(string type) =>
        type switch
        {
            "intdot" => (IntDot, IntDotVersion),
            "semver" => (Semver, SemverVersion),
            _ => (Siemens, SiemensVersion),
        };

    /// <summary>Constraints whose versions are pairwise distinct under the scheme, as a range requires.</summary>
    private static Gen<VersionConstraint[]> Constraints(string type, Gen<string> version)
    {
        var scheme = Pick(type).Scheme;
        return Gen.Select(Comparator, version, (c, v) => new VersionConstraint(c, v)).Array[1, 6]
            .Select(list => list.DistinctBy(c => list.First(o => scheme.AreEqual(o.Version, c.Version)).Version).ToArray());
    }
}
