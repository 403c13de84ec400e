using System.Text;
using System.Text.Json;
using CsCheck;
using Vigil.Indicators.Stix;

namespace Vigil.Indicators.Tests.Stix;

/// <summary>The direct indicator reader must give what the document reader gives, or decline.</summary>
public class IndicatorFastReaderTests
{
    private static Gen<string?> Choose(params string?[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    // A property as JSON text, or null for "absent".
    private static readonly Gen<string?> Timestamp = Choose("\"2024-01-01T00:00:00.000Z\"", "\"2019-05-13T10:00:00Z\"", "\"2019-05-13T10:00:00.5+05:30\"",
        "\"2024-01-01T00:00:00.000Z\"", "\"2024-01-01T00:00:00Z\"", "\"2024-01-01T00:00:00Z\"", "\"yesterday\"", "5", null, "\"2024-02-30T00:00:00Z\"");
    private static readonly Gen<string?> Text = Choose("\"evil\"", "\"with \\\"quotes\\\" and \\u00e9\"", "null", "7", null, "{\"a\": [1]}");
    private static readonly Gen<string?> Strings = Choose("[\"a\", \"b\"]", "[\"a\", 1, null, \"c\"]", "[]", "\"a\"", null, "{}");

    private static readonly Gen<string> Indicator =
        from type in Choose("\"indicator\"", "\"indicator\"", "\"indicator\"", "\"indicator\"", "\"indicator\"", "\"malware\"", "5", null)
        from id in Choose("\"indicator--8f3c7c1e-7b44-4f3e-9d7a-3d6c6f0f2a10\"", "\"indicator--x\"", "3", null)
        from created in Timestamp
        from modified in Timestamp
        from validFrom in Timestamp
        from validUntil in Choose(null, null, "\"2030-01-01T00:00:00Z\"", "\"never\"", "false")
        from pattern in Choose("\"[domain-name:value = 'evil.com']\"", "\"[x\"", "\"[x\"", "[1]", null)
        from patternType in Choose(null, "\"stix\"", "\"pcre\"", "1")
        from name in Text
        from description in Text
        from markings in Strings
        from kinds in Strings
        from extra in Choose(null, null, null, "\"x_note\": {\"deep\": [1, {\"b\": \"c\"}]}", "\"pattern\": \"[file:name = 'twice']\"", "\"name\": \"again\"")
        select "{" + string.Join(", ", new[]
        {
            ("type", type), ("id", id), ("created", created), ("modified", modified), ("valid_from", validFrom),
            ("valid_until", validUntil), ("pattern", pattern), ("pattern_type", patternType), ("name", name),
            ("description", description), ("object_marking_refs", markings), ("indicator_types", kinds),
        }.Where(p => p.Item2 is not null).Select(p => $"\"{p.Item1}\": {p.Item2}").Concat(extra is null ? [] : [extra])) + "}";

    [Fact]
    public void Whatever_it_reads_equals_what_the_document_reader_reads()
    {
        var read = 0;
        Indicator.Sample(json =>
        {
            if (IndicatorFastReader.TryRead(Encoding.UTF8.GetBytes(json)) is not { } fast) { return; }
            read++;
            using var document = JsonDocument.Parse(json);
            var slow = Assert.IsType<StixIndicator>(StixObjectReader.Read(document.RootElement));
            Assert.Equal(Describe(slow), Describe(fast));
        }, iter: 20_000, threads: 1);
        Assert.True(read > 200, $"only {read} objects were read directly");
    }

    private static string Describe(StixIndicator i) => string.Join(" | ",
        i.Id, i.Created.ToString("o"), i.Modified.ToString("o"), i.ValidFrom.ToString("o"), i.ValidUntil?.ToString("o"), i.Pattern,
        i.PatternType, i.PatternVersion, i.Name, i.Description, i.CreatedByRef, string.Join(",", i.ObjectMarkingRefs), string.Join(",", i.IndicatorTypes));
}
