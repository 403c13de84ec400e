using Vigil.Indicators.Patterns;

namespace Vigil.Indicators.Matching;

/// <summary>
/// The object paths the matcher supports and the kind of observable each compares against: the STIX 2.1 paths
/// and the dialect of the public mobile indicator sets (<c>app:id</c>, <c>file:hashes.sha256</c>, …).
/// </summary>
public static class ObjectPathKinds
{
    private static readonly Dictionary<string, ObservableKind> Paths = new(StringComparer.Ordinal)
    {
        ["domain-name:value"] = ObservableKind.Domain,
        ["url:value"] = ObservableKind.Url,
        ["ipv4-addr:value"] = ObservableKind.Ipv4,
        ["ipv6-addr:value"] = ObservableKind.Ipv6,
        ["email-addr:value"] = ObservableKind.Email,
        ["file:name"] = ObservableKind.FileName,
        ["file:path"] = ObservableKind.FilePath,
        ["file:parent_directory_ref.path"] = ObservableKind.FilePath,
        ["process:name"] = ObservableKind.ProcessName,
        ["process:image_ref.name"] = ObservableKind.ProcessName,
        ["app:id"] = ObservableKind.AppId,
        ["configuration-profile:id"] = ObservableKind.ConfigurationProfile,
        ["android-property:name"] = ObservableKind.AndroidProperty,
        // The same paths in spec-valid STIX 2.1, as MvtDialect.ToStix writes them: custom properties and objects.
        ["file:x_path"] = ObservableKind.FilePath,
        ["x-app:id"] = ObservableKind.AppId,
        ["x-configuration-profile:id"] = ObservableKind.ConfigurationProfile,
        ["x-android-property:name"] = ObservableKind.AndroidProperty,
    };

    // Hash names are compared without case or hyphen, so 'SHA-256', SHA256 and sha256 are one algorithm.
    private static readonly HashSet<string> HashAlgorithms = new(StringComparer.OrdinalIgnoreCase) { "SHA512", "SHA256", "SHA1", "MD5" };

    /// <summary>The observable kind an object path compares against.</summary>
    /// <param name="path">The object path.</param>
    /// <returns>The kind, or null when the path is not supported.</returns>
    public static ObservableKind? For(ObjectPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var key = path.ObjectType + ":" + path.PropertyKey;
        if (Paths.TryGetValue(key, out var kind)) { return kind; }
        var isHashes = path.Steps.Count == 2 && !path.Steps[1].IsIndex
            && ((path.ObjectType == "file" && path.Steps[0].Name == "hashes")
                || (path.ObjectType is "app" or "x-app" && path.Steps[0].Name == "cert"));
        return isHashes && HashAlgorithms.Contains(path.Steps[1].Name.Replace("-", "", StringComparison.Ordinal))
            ? ObservableKind.Hash : null;
    }

    /// <summary>True when the path names a parent directory, whose indicator matches files directly inside it.</summary>
    internal static bool IsParentDirectory(ObjectPath path) => path.ObjectType == "file" && path.PropertyKey == "parent_directory_ref.path";
}
