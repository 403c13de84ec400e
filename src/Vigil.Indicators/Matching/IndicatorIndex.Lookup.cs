namespace Vigil.Indicators.Matching;

internal sealed partial class IndicatorIndex
{
    /// <summary>Adds to <paramref name="matched"/> the id of every term the observed value satisfies.</summary>
    public void Match(ObservableKind kind, ReadOnlySpan<char> value, List<int> matched)
    {
        switch (kind)
        {
            case ObservableKind.Domain: Domain(value, matched); break;
            case ObservableKind.Url: Url(value, matched); break;
            case ObservableKind.Email: Email(value, matched); break;
            case ObservableKind.Ipv4 or ObservableKind.Ipv6: Address(value, matched); break;
            case ObservableKind.FilePath: FilePath(value, matched); break;
            case ObservableKind.ProcessName:
                Exact(kind, value, matched);
                if (value.Length is 15 or 16) { _truncatedProcesses.Find(value, matched); }
                break;
            default: Exact(kind, value.Trim(), matched); break;
        }
    }

    private void Exact(ObservableKind kind, ReadOnlySpan<char> value, List<int> matched)
    {
        _exact[(int)kind].Find(value, matched);
        Likes(kind, value, matched);
    }

    private void Likes(ObservableKind kind, ReadOnlySpan<char> value, List<int> matched)
    {
        foreach (var (term, id) in _likes[(int)kind])
        {
            if (term.LikeExpression.IsMatch(value)) { matched.Add(id); }
        }
    }

    // The host and then each parent domain, down to the last label: no public-suffix list decides where to stop,
    // so an indicator on any level is found, and "evil.com.example.org" never reaches "evil.com".
    private void Domain(ReadOnlySpan<char> host, List<int> matched)
    {
        host = host.TrimEnd('.');
        if (host.IsEmpty) { return; }
        if (DomainNames.NeedsConversion(host))
        {
            if (DomainNames.ToAscii(host) is not { } ascii) { return; }
            host = ascii;
        }
        var table = _exact[(int)ObservableKind.Domain];
        var suffix = host;
        while (true)
        {
            table.Find(suffix, matched);
            var dot = suffix.IndexOf('.');
            if (dot < 0) { break; }
            suffix = suffix[(dot + 1)..];
        }
        Likes(ObservableKind.Domain, host, matched);
    }

    private void Url(ReadOnlySpan<char> url, List<int> matched)
    {
        UrlKeys.Split(url, out var host, out _);
        if (IndicatorValues.ObservedAddress(host) is { } address) { Address(address, matched); }
        else { Domain(host, matched); }
        if (!_exact[(int)ObservableKind.Url].IsEmpty || _likes[(int)ObservableKind.Url].Count > 0)
        {
            if (UrlKeys.Key(url) is { } key) { _exact[(int)ObservableKind.Url].Find(key, matched); }
            Likes(ObservableKind.Url, url, matched);
        }
    }

    private void Email(ReadOnlySpan<char> email, List<int> matched)
    {
        if (email.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) { email = email[7..]; }
        Exact(ObservableKind.Email, email, matched);
        var at = email.LastIndexOf('@');
        if (at >= 0) { Domain(email[(at + 1)..], matched); }
    }

    private void Address(ReadOnlySpan<char> value, List<int> matched)
    {
        // Logs are full of addresses; parsing each into its canonical string is wasted when no indicator names one.
        if (!HasAddressTerms) { return; }
        if (IndicatorValues.ObservedAddress(value) is not { } canonical) { return; }
        var kind = canonical.Contains(':', StringComparison.Ordinal) ? ObservableKind.Ipv6 : ObservableKind.Ipv4;
        Exact(kind, canonical, matched);
    }

    private void FilePath(ReadOnlySpan<char> path, List<int> matched)
    {
        Exact(ObservableKind.FilePath, path, matched);
        var lastSlash = path.LastIndexOf('/');
        Exact(ObservableKind.FileName, path[(lastSlash + 1)..], matched);
        if (lastSlash < 0) { return; }
        // Directory indicators end in '/', so only prefixes that end on a path boundary are tried.
        for (var slash = path.IndexOf('/'); slash >= 0 && slash < path.Length; )
        {
            _directories.Find(path[..(slash + 1)], matched);
            var next = path[(slash + 1)..].IndexOf('/');
            slash = next < 0 ? -1 : slash + 1 + next;
        }
        _parents.Find(path[..lastSlash], matched);
    }
}
