using Vigil.Server.Features.Notes;

namespace Vigil.Server.Tests.Features.Notes;

/// <summary>What a reader types becomes full-text queries of words only: nothing typed is query syntax.</summary>
public sealed class NoteSearchTermsTests
{
    [Fact]
    public void Each_term_is_a_phrase_of_its_words_ending_in_a_prefix_and_all_terms_must_match()
    {
        var terms = NoteSearchTerms.From("CVE-2019-3568  Upgrade")!;

        Assert.Equal("\"cve 2019 3568\"* AND \"upgrade\"*", terms.ToFts5());
        Assert.Equal("'cve' <-> '2019' <-> '3568':* & 'upgrade':*", terms.ToTsQuery());
        Assert.Equal("\"cve\"* AND \"2019\"* AND \"3568\"* AND \"upgrade\"*", terms.ToFts5AllWords());
        Assert.Equal("'cve':* & '2019':* & '3568':* & 'upgrade':*", terms.ToTsQueryAllWords());
    }

    [Theory]
    [InlineData("\"router\" OR NEAR(a b) *", "\"router\"* AND \"or\"* AND \"near a\"* AND \"b\"*")]
    [InlineData("it's col:value {x} ^y", "\"it s\"* AND \"col value\"* AND \"x\"* AND \"y\"*")]
    [InlineData("सुरक्षा।", "\"सुरक्षा\"*")]
    public void Quotes_operators_and_punctuation_are_only_separators(string typed, string fts5)
    {
        var terms = NoteSearchTerms.From(typed)!;

        Assert.Equal(fts5, terms.ToFts5());
        Assert.DoesNotContain("\\", terms.ToTsQuery(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  - * \" ' ")]
    public void Nothing_to_look_for_is_no_terms(string? typed) => Assert.Null(NoteSearchTerms.From(typed));
}
