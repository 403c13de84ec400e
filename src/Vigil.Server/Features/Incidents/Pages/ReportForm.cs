using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Vigil.Server.Features.Incidents.Pages;

/// <summary>
/// The new report form as posted: every value as typed, under the names its inputs carry. Names follow the report's
/// JSON (<c>title</c>, <c>affected_systems[2].product</c>, <c>point_of_contact.email</c>); a field declared unknown
/// has its checkbox at <c>{field}.declared_unknown</c> and its reason at <c>{field}.unknown</c>. The form remembers
/// every name it was asked for, so that an error can be shown beside the input that holds it.
/// </summary>
public sealed class ReportForm
{
    /// <summary>The repeatable groups, their empty rows on a fresh form, and how many rows "add more" adds.</summary>
    public static readonly IReadOnlyDictionary<string, int> Groups = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["affected_systems"] = 2, ["affected_users.by_country"] = 2, ["indicators"] = 3, ["agencies_notified"] = 1,
    };

    public const int RowsAdded = 2;

    /// <summary>Rows a page offers per group; a longer list goes through the API.</summary>
    public const int MaxRows = 50;

    private readonly Dictionary<string, StringValues> _values;
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    public ReportForm(IEnumerable<KeyValuePair<string, StringValues>> values, bool posted)
    {
        _values = new Dictionary<string, StringValues>(values, StringComparer.Ordinal);
        IsPosted = posted;
    }

    /// <summary>A fresh form with a few values chosen for the reporter (its zone, its regimes, the default label).</summary>
    public static ReportForm Fresh(IEnumerable<KeyValuePair<string, StringValues>> defaults) => new(defaults, posted: false);

    public bool IsPosted { get; }

    /// <summary>Every name read so far: the inputs the page has.</summary>
    public IReadOnlySet<string> Asked => _asked;

    /// <summary>The button pressed: file, check, or add:{group}.</summary>
    public string Action => _values.TryGetValue("action", out var action) ? action.ToString() : "";

    public string Value(string name)
    {
        _asked.Add(name);
        return _values.TryGetValue(name, out var value) ? value.FirstOrDefault() ?? "" : "";
    }

    /// <summary>Says that the page shows an element for <paramref name="name"/> (a checkbox of a list, a group's fieldset).</summary>
    public void Shows(string name) => _asked.Add(name);

    public IReadOnlyList<string> Values(string name) =>
        _values.TryGetValue(name, out var values) ? [.. values.OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)] : [];

    public bool IsChecked(string name) => Value(name) == "true";

    /// <summary>How many rows a group shows: as many as were on the page (more if "add more" was pressed for it).</summary>
    public int Rows(string group)
    {
        var shown = int.TryParse(Value("rows." + group), NumberStyles.None, CultureInfo.InvariantCulture, out var rows) ? rows : Groups[group];
        var added = Action == "add:" + group ? RowsAdded : 0;
        return Math.Clamp(shown + added, 1, MaxRows);
    }

    /// <summary>The name of a member of one row of a group: <c>affected_systems[2].product</c>.</summary>
    public static string RowName(string group, int row, string member) => $"{group}[{row.ToString(CultureInfo.InvariantCulture)}].{member}";

    /// <summary>The id of the element an input name is shown in.</summary>
    public static string IdOf(string name) => "f-" + name.Replace('[', '-').Replace("]", "", StringComparison.Ordinal).Replace('.', '-');
}
