using Vigil.Domain.Exposure;
using Vigil.Domain.Versions;
using Vigil.Domain.Notes;

namespace Vigil.Domain.Tests.Exposure;

/// <summary>Affected products of the 2019 note (CVE-2019-3568), with a purl added to the Android app, and a component builder.</summary>
internal static class ExposureSamples
{
    public static readonly IReadOnlyList<AffectedProduct> WhatsApp2019 =
    [
        new("WhatsApp", "WhatsApp for Android", null, "pkg:generic/whatsapp/whatsapp-android", "cpe:2.3:a:whatsapp:whatsapp:*:*:*:*:*:android:*:*", ["vers:semver/<2.19.134"], ["2.19.134"]),
        new("WhatsApp", "WhatsApp Business for Android", null, null, "cpe:2.3:a:whatsapp:whatsapp:*:*:*:*:business:android:*:*", ["vers:semver/<2.19.44"], ["2.19.44"]),
        new("WhatsApp", "WhatsApp for iOS", null, null, "cpe:2.3:a:whatsapp:whatsapp:*:*:*:*:*:iphone_os:*:*", ["vers:semver/<2.19.51"], ["2.19.51"]),
    ];

    public static ExposureIndex Index() => new(NoteProductEntry.From("VIGN-2019-0001", Content(WhatsApp2019)));

    public static NoteContent Content(IReadOnlyList<AffectedProduct> products) =>
        new("t", "s", "high", "CLEAR", [], [], [], products, "d", null, "Upgrade.", null, [], [], [], []);

    public static InventoryComponent Component(string name, string? version, string? purl = null, string? cpe = null, string? vendor = null) =>
        new("/components/0", name, vendor, version,
            purl is null ? null : PackageUrl.Parse(purl),
            cpe is null ? null : CpeName.TryParse(cpe, out var parsed) ? parsed : throw new FormatException(cpe));
}
