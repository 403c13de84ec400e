using System.Text.Json;
using Vigil.Domain.Exposure;

namespace Vigil.Domain.Tests.Exposure;

public sealed class InventoryReaderTests
{
    [Theory]
    [InlineData("1.4")]
    [InlineData("1.5")]
    [InlineData("1.6")]
    public void CycloneDx_ReadsDescribedAndNestedComponents(string specVersion)
    {
        var (components, errors) = Read($$$"""
            {"bomFormat": "CycloneDX", "specVersion": "{{{specVersion}}}", "version": 1,
             "metadata": {"component": {"type": "device", "name": "Field phone"}},
             "components": [
               {"type": "application", "name": "WhatsApp", "version": "2.19.100", "publisher": "WhatsApp Inc.",
                "purl": "pkg:generic/whatsapp/whatsapp-android@2.19.100",
                "components": [{"type": "library", "name": "libvoip", "version": "1.0", "cpe": "cpe:2.3:a:whatsapp:libvoip:1.0:*:*:*:*:*:*:*"}]}]}
            """);

        Assert.Empty(errors);
        Assert.Equal(["/metadata/component", "/components/0", "/components/0/components/0"], components.Select(c => c.Pointer));
        Assert.Equal("WhatsApp Inc.", components[1].Vendor);
        Assert.Equal("whatsapp-android", components[1].Purl!.Name);
        Assert.Equal("libvoip", components[2].Cpe!.Product);
    }

    [Fact]
    public void ProductList_ReadsVendorProductAndVersion()
    {
        var (components, errors) = Read("""{"products": [{"vendor": "WhatsApp", "product": "WhatsApp for Android", "version": "2.19.100"}]}""");

        Assert.Empty(errors);
        Assert.Equal(("/products/0", "WhatsApp for Android", "2.19.100"), (components[0].Pointer, components[0].Name, components[0].Version));
    }

    public static TheoryData<string, string[]> BadInventories() => new()
    {
        { """{"bomFormat": "SPDX", "specVersion": "1.6"}""", ["/bomFormat"] },
        { """{"bomFormat": "CycloneDX", "specVersion": "1.2"}""", ["/specVersion"] },
        { """{"bomFormat": "CycloneDX"}""", ["/specVersion"] },
        { """{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": {}}""", ["/components"] },
        { """{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{"version": 3, "purl": "npm/x", "cpe": "cpe:/a:x"}]}""",
            ["/components/0/name", "/components/0/version", "/components/0/purl", "/components/0/cpe"] },
        { """{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"name": "a", "components": [7]}]}""", ["/components/0/components/0"] },
        { """{"products": []}""", ["/products"] },
        { """{"products": [{"product": "x"}], "extra": 1}""", ["/extra", "/products/0/version"] },
        { """[1, 2]""", [""] },
    };

    [Theory]
    [MemberData(nameof(BadInventories))]
    public void BadInventory_NamesEachBadFieldByPointer(string json, string[] pointers)
    {
        var (components, errors) = Read(json);

        Assert.Empty(components);
        Assert.Equal(pointers.Order(StringComparer.Ordinal), errors.Select(e => e.Pointer).Order(StringComparer.Ordinal));
    }

    private static (IReadOnlyList<InventoryComponent>, IReadOnlyList<Validation.FieldError>) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return InventoryReader.Read(document.RootElement);
    }
}
