using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Indicators.Matching;

/// <summary>How one term compares an observed value with its indicator value.</summary>
internal enum TermMode
{
    Exact,
    DirectoryPrefix,
    ParentDirectory,
    Like,
}

/// <summary>One comparison an indicator needs, in the normalised form the index stores.</summary>
internal sealed record IndicatorTerm(ObservableKind Kind, TermMode Mode, string Value)
{
    private Regex? _like;

    /// <summary>The LIKE pattern as a regular expression: '%' is any run, '_' one character, the rest literal.</summary>
    public Regex LikeExpression => _like ??= BuildLike();

    private Regex BuildLike()
    {
        var pattern = new StringBuilder(@"\A");
        foreach (var c in Value)
        {
            pattern.Append(c switch { '%' => ".*", '_' => ".", _ => Regex.Escape(c.ToString()) });
        }
        var caseless = Kind is ObservableKind.Domain or ObservableKind.Url or ObservableKind.Email
            or ObservableKind.Hash or ObservableKind.AppId;
        var options = RegexOptions.Singleline | RegexOptions.CultureInvariant | (caseless ? RegexOptions.IgnoreCase : RegexOptions.None);
        return new Regex(pattern.Append(@"\z").ToString(), options, TimeSpan.FromSeconds(1));
    }
}
