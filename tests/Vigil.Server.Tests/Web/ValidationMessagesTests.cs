using System.Globalization;
using System.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Web;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Web;

/// <summary>
/// What the API's strict readers say, as the pages say it: every sentence a refused report really produces is
/// translated on a Hindi page, with its values kept, and every known sentence has both languages.
/// </summary>
public sealed partial class ValidationMessagesTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    private static readonly CultureInfo Hindi = CultureInfo.GetCultureInfo("hi");

    [Fact]
    public void Every_known_sentence_has_an_English_and_a_different_Hindi_text()
    {
        var resources = new ResourceManager(typeof(ValidationText));
        foreach (var key in ValidationMessages.Keys)
        {
            var english = resources.GetString(key, CultureInfo.InvariantCulture);
            var hindi = resources.GetString(key, Hindi);
            Assert.False(string.IsNullOrEmpty(english), key);
            Assert.False(string.IsNullOrEmpty(hindi), key);
            Assert.NotEqual(english, hindi);
        }
    }

    [Fact]
    public async Task What_a_refused_report_really_says_is_all_translated_with_its_values_kept()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var refused = await reporter.Client.PostJsonAsync("/api/v1/incidents", $$"""
            {"title": "", "category": "malicious-code", "description": "{{new string('x', 20_001)}}",
             "detected_at": "yesterday", "surprise": 1, "occurred_at": null,
             "affected_users": {"total": 5, "as_of": "2026-11-29T10:00:00+05:30",
                                "by_country": [{"country": "IN", "count": 9, "as_of": "2026-11-29T10:00:00+05:30"}]},
             "indicators": [{"type": "email", "value": "not an address"}, {"type": "domain", "value": "-bad-.example"},
                            {"type": "ipv4", "value": "999.1.1.1"}, {"type": "url", "value": "relative/path"}]}
            """);
        var details = (await refused.JsonAsync())["errors"]!.AsArray().Select(e => e!["detail"]!.GetValue<string>()).ToList();
        Assert.True(details.Count >= 6, string.Join("\n", details));

        var text = factory.Services.GetRequiredService<IStringLocalizer<ValidationText>>();
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Hindi;
        var left = new List<string>();
        try
        {
            foreach (var detail in details)
            {
                var (said, translated) = ValidationMessages.Say(detail, text);
                // What is left in Latin letters is what the sentence carried over: field names, values, times.
                if (!translated || EnglishWords().IsMatch(QuotedValue().Replace(said, "")))
                {
                    left.Add(detail);
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
        Assert.True(left.Count == 0, "left in English:\n" + string.Join("\n", left));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"'[^']*'")]
    private static partial System.Text.RegularExpressions.Regex QuotedValue();

    // Two or more English words in a row are a sentence left untranslated (field lists are comma-separated names).
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(is|must|not|be|the|a|an|of|more|than|at|most)\s+(is|must|not|be|the|a|an|of|more|than|at|most)\b")]
    private static partial System.Text.RegularExpressions.Regex EnglishWords();
}
