using System.Text.Json;

namespace Vigil.Indicators.Stix;

/// <summary>Reads STIX 2.1 bundles. Objects of types Vigil does not model are kept as <see cref="StixOtherObject"/>.</summary>
public static class StixBundleReader
{
    /// <summary>Reads a bundle from JSON text.</summary>
    /// <param name="json">The bundle.</param>
    /// <returns>The bundle's objects.</returns>
    /// <exception cref="StixFormatException">The JSON is not a bundle or an object lacks a required property.</exception>
    public static StixBundle Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Read(stream);
    }

    /// <summary>Reads a bundle from a stream of UTF-8 JSON.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The bundle's objects.</returns>
    /// <exception cref="StixFormatException">The JSON is not a bundle or an object lacks a required property.</exception>
    public static StixBundle Read(Stream utf8Json)
    {
        var objects = new List<StixObject>();
        var id = ReadEach(utf8Json, objects.Add);
        return new StixBundle(id, objects);
    }

    /// <summary>Reads a bundle from a parsed JSON element.</summary>
    /// <param name="bundle">The bundle element.</param>
    /// <returns>The bundle's objects.</returns>
    /// <exception cref="StixFormatException">The element is not a bundle or an object lacks a required property.</exception>
    public static StixBundle Read(JsonElement bundle)
    {
        if (bundle.ValueKind != JsonValueKind.Object || StixJson.String(bundle, "type") != "bundle")
        {
            throw new StixFormatException("the document is not a STIX bundle (its \"type\" is not \"bundle\")");
        }
        var objects = new List<StixObject>();
        if (bundle.TryGetProperty("objects", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in array.EnumerateArray())
            {
                objects.Add(StixObjectReader.Read(element));
            }
        }
        return new StixBundle(StixJson.Required(bundle, "id"), objects);
    }

    /// <summary>
    /// Reads a bundle from a stream of UTF-8 JSON one object at a time, holding no more than one object's JSON in
    /// memory (bundles of a hundred thousand indicators are tens of megabytes).
    /// </summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="onObject">Called with each object, in bundle order.</param>
    /// <returns>The bundle's id.</returns>
    /// <exception cref="StixFormatException">The JSON is not a bundle or an object lacks a required property.</exception>
    public static string ReadEach(Stream utf8Json, Action<StixObject> onObject)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(onObject);
        try
        {
            return new StreamingBundle(utf8Json, onObject).Read();
        }
        catch (JsonException e)
        {
            throw new StixFormatException($"the bundle is not valid JSON: {e.Message}", e);
        }
    }
}

/// <summary>Thrown when input is not a STIX bundle Vigil can read.</summary>
public sealed class StixFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public StixFormatException(string message, Exception? inner = null) : base(message, inner) { }
}
