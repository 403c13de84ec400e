using System.Net;
using System.Net.Http.Headers;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Affected;

/// <summary>Bad inventories are refused with problem+json naming each bad field; never a 500.</summary>
public sealed class AffectedValidationTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    public static TheoryData<string, int, string[]> BadBodies() => new()
    {
        { """{"bomFormat": "CycloneDX", "specVersion": "1.3", "components": []}""", 422, ["/specVersion"] },
        { """{"bomFormat": "SPDX", "specVersion": "1.6"}""", 422, ["/bomFormat"] },
        { """{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"type": "library"}, {"name": "x", "purl": "not-a-purl", "cpe": "cpe:2.3:a:x"}]}""",
            422, ["/components/0/name", "/components/1/purl", "/components/1/cpe"] },
        { """{"bomFormat": "CycloneDX", "specVersion": "1.5", "metadata": {"component": {"name": 5}}, "components": "none"}""",
            422, ["/metadata/component/name", "/components"] },
        { """{"products": [{"product": "WhatsApp for Android"}, {"version": "1"}]}""", 422, ["/products/0/version", "/products/1/product"] },
        { """{"product": "WhatsApp"}""", 422, ["/product", "/products"] },
        { "\"just a string\"", 422, [""] },
        { """{"bomFormat": "CycloneDX", """, 400, [""] },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_inventory_names_each_bad_field_by_pointer(string body, int status, string[] pointers)
    {
        var response = await factory.CreateClient().PostJsonAsync("/api/v1/affected", body);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(pointers.Order(StringComparer.Ordinal), (await response.ProblemPointersAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused_with_415()
    {
        var content = new StringContent("<bom/>", MediaTypeHeaderValue.Parse("application/xml"));
        var response = await factory.CreateClient().PostAsync("/api/v1/affected", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_SBOM_larger_than_a_usual_request_is_read()
    {
        var components = string.Join(',', Enumerable.Range(0, 20_000).Select(i => $$"""{"type": "library", "name": "component-{{i}}", "version": "1.0.{{i}}", "purl": "pkg:npm/component-{{i}}@1.0.{{i}}"}"""));
        var response = await factory.CreateClient().PostJsonAsync("/api/v1/affected", $$"""{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{{components}}]}""");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(20_000, (await response.JsonAsync())["components_checked"]!.GetValue<int>());
    }
}
