namespace Vigil.Domain.Exposure;

/// <summary>How a component was found to be an affected product, from the most to the least exact.</summary>
public enum MatchMethod
{
    /// <summary>Both sides have a package URL, and the package is the same.</summary>
    Purl,

    /// <summary>Both sides have a CPE name, and the document's applies to the component's.</summary>
    Cpe,

    /// <summary>Neither purl nor CPE decided: the normalised vendor and product names agree.</summary>
    Name,
}

/// <summary>A component that lies in an affected product's range: which, how it was matched, which range and version.</summary>
public sealed record ExposureMatch(
    InventoryComponent Component, IAffectedProductEntry Entry, MatchMethod Method, string Version, string Range);
