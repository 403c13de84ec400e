using CsCheck;
using Vigil.Domain.Exposure;
using Vigil.Domain.Notes;
using Vigil.Domain.Versions;

namespace Vigil.Domain.Tests.Exposure;

/// <summary>Matching checked on generated versions and names: it agrees with the ranges, and only identity decides who is who.</summary>
public sealed class ExposureProperties
{
    private static readonly Gen<string> Version =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 3]).Select((a, b, c) => $"{a}.{b}.{c}");

    private static readonly Gen<string> Word = Gen.String[Gen.Char["abcdefghXYZ"], 1, 6];

    [Fact]
    public void PurlMatch_HoldsExactlyWhenTheRangeContainsTheVersion()
    {
        Gen.Select(Version, Version, Version).Where((low, high, _) => VersionSchemes.Find("semver")!.Compare(low, high) < 0).Sample((low, high, version) =>
        {
            var range = $"vers:semver/>={low}|<{high}";
            var index = new ExposureIndex(NoteProductEntry.From("N", ExposureSamples.Content(
                [new AffectedProduct("Acme", "Tool", null, "pkg:generic/acme/tool", null, [range], [high])])));
            var matches = index.Match([ExposureSamples.Component("anything", null, $"pkg:generic/acme/tool@{version}")]).ToList();
            return matches.Count == (VersionRange.Parse(range).Contains(version) ? 1 : 0) && matches.All(m => m.Method == MatchMethod.Purl);
        });
    }

    [Fact]
    public void DifferentPurls_NeverMatch_WhateverTheNamesSay()
    {
        Gen.Select(Word, Word, Version).Where((a, b, _) => a != b).Sample((entryName, componentName, version) =>
        {
            var index = new ExposureIndex(NoteProductEntry.From("N", ExposureSamples.Content(
                [new AffectedProduct("Acme", entryName, null, $"pkg:generic/acme/{entryName}", null, ["vers:semver/*"], [])])));
            return !index.Match([ExposureSamples.Component(entryName, version, $"pkg:generic/acme/{componentName}@{version}")]).Any();
        });
    }

    [Fact]
    public void NameKey_IgnoresCasePunctuationAndSpacing()
    {
        Gen.Select(Word.Array[1, 4], Gen.OneOf(" ", "-", "_", ", ", "  ")).Sample((words, separator) =>
            ProductNameKey.Product(string.Join(separator, words.Select(w => w.ToUpperInvariant())))
            == ProductNameKey.Product(string.Join(' ', words).ToLowerInvariant()));
    }

    [Fact]
    public void NameKey_IsIdempotent_AndDropsTrailingLegalForms()
    {
        Gen.String.Sample(name => ProductNameKey.Vendor(ProductNameKey.Vendor(name)) == ProductNameKey.Vendor(name)
            && ProductNameKey.Product(ProductNameKey.Product(name)) == ProductNameKey.Product(name));
        Assert.Equal("whatsapp", ProductNameKey.Vendor("WhatsApp, Inc."));
        Assert.Equal("acme", ProductNameKey.Vendor("ACME Co. Ltd"));
        Assert.Equal("societe generale", ProductNameKey.Vendor("Société Générale S.A."));
    }
}
