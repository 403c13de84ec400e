using System.Text.Json;

namespace Vigil.Indicators.Stix;

/// <summary>
/// Walks a bundle's JSON from a stream with a reader over a buffer that is refilled as it goes: the bundle's own
/// properties are read in place and each entry of <c>objects</c> is parsed on its own, so memory follows the
/// largest object rather than the whole bundle.
/// </summary>
internal sealed class StreamingBundle(Stream stream, Action<StixObject> onObject)
{
    private enum Place { BeforeBundle, InBundle, InObjects, AfterBundle }

    private byte[] _buffer = new byte[1 << 16];
    private int _length;
    private bool _final;
    private JsonReaderState _state;
    private Place _place;
    private string? _type;
    private string? _id;

    public string Read()
    {
        Fill();
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(0, _length), _final, _state);
            Advance(ref reader);
            if (_place == Place.AfterBundle) { break; }
            if (_final) { throw new StixFormatException("the bundle is not valid JSON: it ends early"); }
            // Keep what was not consumed, grow the buffer if one value fills it, and read on.
            var consumed = (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            Array.Copy(_buffer, consumed, _buffer, 0, _length - consumed);
            _length -= consumed;
            if (_length == _buffer.Length) { Array.Resize(ref _buffer, _buffer.Length * 2); }
            Fill();
        }
        if (_type != "bundle") { throw new StixFormatException("the document is not a STIX bundle (its \"type\" is not \"bundle\")"); }
        return _id ?? throw new StixFormatException("the bundle has no string \"id\"");
    }

    // Reads tokens until the bundle ends or the buffer holds no further complete token or value; in that case the
    // reader is left where it was before the incomplete one.
    private void Advance(ref Utf8JsonReader reader)
    {
        while (_place != Place.AfterBundle)
        {
            var checkpoint = reader;
            if (!reader.Read() || !Token(ref reader))
            {
                reader = checkpoint;
                return;
            }
        }
    }

    // Handles the token just read; false when the value it starts is not complete in the buffer.
    private bool Token(ref Utf8JsonReader reader)
    {
        switch (_place)
        {
            case Place.BeforeBundle:
                if (reader.TokenType != JsonTokenType.StartObject) { throw new StixFormatException("the document is not a STIX bundle (not a JSON object)"); }
                _place = Place.InBundle;
                return true;
            case Place.InBundle:
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    _place = Place.AfterBundle;
                    return true;
                }
                var name = reader.GetString();
                if (!reader.Read()) { return false; }
                return Property(ref reader, name);
            default:
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    _place = Place.InBundle;
                    return true;
                }
                if (reader.TokenType != JsonTokenType.StartObject) { throw new StixFormatException("a bundle entry is not a JSON object"); }
                var start = (int)reader.TokenStartIndex;
                if (!reader.TrySkip()) { return false; }
                // Indicators are read straight from the bytes; anything else, or anything amiss, through a document.
                var entry = _buffer.AsSpan(start, (int)reader.BytesConsumed - start);
                if (IndicatorFastReader.TryRead(entry) is { } indicator)
                {
                    onObject(indicator);
                    return true;
                }
                using (var document = JsonDocument.Parse(_buffer.AsMemory(start, entry.Length)))
                {
                    onObject(StixObjectReader.Read(document.RootElement));
                }
                return true;
        }
    }

    private bool Property(ref Utf8JsonReader reader, string? name)
    {
        switch (name)
        {
            case "type" when reader.TokenType == JsonTokenType.String: _type = reader.GetString(); return true;
            case "id" when reader.TokenType == JsonTokenType.String: _id = reader.GetString(); return true;
            case "objects" when reader.TokenType == JsonTokenType.StartArray: _place = Place.InObjects; return true;
            default: return reader.TrySkip();
        }
    }

    private void Fill()
    {
        int read;
        while (_length < _buffer.Length && (read = stream.Read(_buffer, _length, _buffer.Length - _length)) > 0) { _length += read; }
        _final = _length < _buffer.Length;
    }
}
