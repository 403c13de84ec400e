using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vigil.Domain.Cvss;
using Vigil.Server.Features.Notes;

namespace Vigil.Server.Tests.Features.Notes;

/// <summary>Every metric of CVSS v3.1 and v4.0 has a name and every value it may take a meaning, in English and Hindi.</summary>
public sealed class CvssExplanationTests
{
    private static readonly IStringLocalizer<CvssText> Text = new StringLocalizer<CvssText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    [Theory]
    [InlineData("en", "3.1")]
    [InlineData("en", "4.0")]
    [InlineData("hi", "3.1")]
    [InlineData("hi", "4.0")]
    public void Every_metric_and_value_is_explained(string language, string version)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var unexplained = new List<string>();
            foreach (var metric in CvssExplanation.MetricsOf(version))
            {
                if (CvssExplanation.Name(version, metric.Key, Text) == metric.Key)
                {
                    unexplained.Add($"{metric.Key}: no name");
                }
                unexplained.AddRange(metric.Values.Where(value => CvssExplanation.Meaning(version, metric.Key, value, Text) == value)
                    .Select(value => $"{metric.Key}:{value}: no meaning"));
            }
            Assert.True(unexplained.Count == 0, string.Join("\n", unexplained));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void A_vector_is_explained_in_the_specification_s_order_with_modified_metrics_named_after_their_base()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var evaluation = CvssCalculator.Evaluate("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MAV:L").Value!;
            var lines = CvssExplanation.Explain(evaluation, Text);
            Assert.Equal(["AV", "AC", "PR", "UI", "S", "C", "I", "A", "MAV"], lines.Select(l => l.Key));
            Assert.Equal("Modified Attack Vector", lines[^1].Name);
            Assert.StartsWith("Local", lines[^1].Meaning, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
