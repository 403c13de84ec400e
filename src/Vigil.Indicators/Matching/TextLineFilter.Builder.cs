namespace Vigil.Indicators.Matching;

internal sealed partial class TextLineFilter
{
    /// <summary>Collects terms; builds a filter for them, or none when some term needs every line read.</summary>
    internal sealed class Builder
    {
        private readonly List<byte[]> _names = [];
        private readonly List<byte[]> _segments = [];
        private readonly TextAddresses _addresses = new();
        private readonly LiteralNeedles _needles = new();
        private Triggers _triggers;
        private bool _unfilterable;

        public void Add(IndicatorTerm term)
        {
            if (_unfilterable || !IsTextKind(term.Kind)) { return; }
            _unfilterable = !(term.Mode == TermMode.Like ? AddLike(term) : AddExact(term));
            if (_unfilterable || _needles.Count > LiteralNeedles.Limit)
            {
                _unfilterable = true;
                _names.Clear();
                _segments.Clear();
            }
        }

        public TextLineFilter? Build()
        {
            var filter = _unfilterable ? null : new TextLineFilter(_names, _segments, _addresses, _needles, _triggers);
            _names.Clear();
            _names.TrimExcess();
            _segments.Clear();
            _segments.TrimExcess();
            return filter;
        }

        private bool AddExact(IndicatorTerm term)
        {
            var value = term.Value;
            switch (term.Kind, term.Mode)
            {
                case (ObservableKind.Hash, _):
                    // A hash is matched only as a whole token of 32, 40, 64 or 128 hex digits.
                    _triggers |= Triggers.HexRuns;
                    return true;
                case (ObservableKind.Ipv4 or ObservableKind.Ipv6, _):
                    return AddAddress(value);
                case (ObservableKind.Domain, _):
                    return AddName(value);
                case (ObservableKind.Url, _):
                    // The key is the host and the path; the host is all a line is looked at for.
                    var host = value.IndexOfAny(['/', '?']) is var end and > 0 ? value[..end] : value;
                    return AddAddress(host) || AddName(host);
                case (ObservableKind.Email, _):
                    return AddName(value[(value.LastIndexOf('@') + 1)..]);
                case (ObservableKind.FileName, _):
                    return AddFileName(value);
                case (ObservableKind.FilePath, TermMode.Exact):
                    return AddFileName(value[(value.LastIndexOf('/') + 1)..]);
                case (ObservableKind.FilePath, TermMode.DirectoryPrefix or TermMode.ParentDirectory):
                    // A path under the directory holds the directory's last name between two slashes.
                    var directory = value.TrimEnd('/');
                    return directory.Length > 0 && AddSegment(directory[(directory.LastIndexOf('/') + 1)..]);
                default:
                    return false;
            }
        }

        // A LIKE pattern is kept by its longest literal part, unless it compares an address's canonical form (which
        // need not be spelt so in the text) or its literal parts are too short to be worth looking for.
        private bool AddLike(IndicatorTerm term)
        {
            if (term.Kind is ObservableKind.Ipv4 or ObservableKind.Ipv6) { return false; }
            var literal = term.Value.Split('%', '_').MaxBy(part => part.Length) ?? "";
            return literal.Length >= 3 && _needles.Add(literal);
        }

        private bool AddAddress(string value)
        {
            if (!_addresses.Add(value)) { return false; }
            _triggers |= value.Contains(':', StringComparison.Ordinal) ? Triggers.Ipv6 : Triggers.Ipv4;
            return true;
        }

        // A name of label characters and dots is looked for by its labels; anything else by itself.
        private bool AddName(string name)
        {
            if (!IsDottedName(name)) { return _needles.Add(name); }
            _names.Add(System.Text.Encoding.ASCII.GetBytes(name));
            var lastLabel = name[(name.LastIndexOf('.') + 1)..];
            _triggers |= char.IsAsciiLetter(lastLabel[0]) ? Triggers.DotLetter : char.IsAsciiDigit(lastLabel[0]) ? Triggers.DotDigit : Triggers.DotOther;
            // A single label is seen after a dot only as a parent domain; alone, after "://" or '@'.
            if (lastLabel.Length == name.Length) { _triggers |= Triggers.HostStarts; }
            return true;
        }

        // A dotted file name of label characters is found as names are; any other by the path segment it is.
        private bool AddFileName(string name) => name.Contains('.', StringComparison.Ordinal) && IsDottedName(name)
            ? AddName(name)
            : AddSegment(name);

        private bool AddSegment(string segment)
        {
            if (segment.Length == 0) { return false; }
            if (segment.Any(c => c > 0x7F || Delimiter[c] != 0)) { return _needles.Add(segment); }
            _segments.Add(System.Text.Encoding.ASCII.GetBytes(segment));
            _triggers |= Triggers.Slash;
            return true;
        }

        private static bool IsDottedName(string name) =>
            name.Length > 0 && name.Split('.').All(label => label.Length > 0 && label.All(c => c <= 0x7F && LabelClass[c] != 0));
    }
}
