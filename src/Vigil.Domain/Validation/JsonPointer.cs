namespace Vigil.Domain.Validation;

/// <summary>RFC 6901 JSON Pointer construction.</summary>
public static class JsonPointer
{
    public const string Root = "";

    public static string Append(string pointer, string member) =>
        pointer + "/" + member.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
