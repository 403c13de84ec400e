using System.Globalization;
using Vigil.Domain.Validation;

namespace Vigil.Server.Features.Incidents.Pages;

/// <summary>
/// The reader's errors (by JSON pointer into the body) placed on the form: each at the input its value came from, or
/// at the nearest element around it (a row, a group), and all of them in order for the summary at the top.
/// </summary>
public sealed class ReportErrors
{
    /// <summary>One error and the form name of the element it is shown at (null: the summary only).</summary>
    public sealed record Placed(string? Name, FieldError Error);

    private readonly ILookup<string, Placed> _byName;

    private ReportErrors(IReadOnlyList<Placed> all)
    {
        All = all;
        _byName = all.Where(e => e.Name is not null).ToLookup(e => e.Name!, StringComparer.Ordinal);
    }

    public static readonly ReportErrors None = new([]);

    public IReadOnlyList<Placed> All { get; }

    public int Count => All.Count;

    public static ReportErrors From(IEnumerable<FieldError> errors, ReportBody body) =>
        new([.. errors.Select(e => new Placed(Place(e.Pointer, body), e))]);

    public IEnumerable<FieldError> At(string name) => _byName[name].Select(e => e.Error);

    public bool HasAt(string name) => _byName.Contains(name);

    /// <summary>The form name of a pointer (<c>/affected_systems/0/product</c> → <c>affected_systems[2].product</c>), cut back to an element the page shows.</summary>
    private static string? Place(string pointer, ReportBody body)
    {
        var segments = pointer.Split('/').Skip(1).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        var names = new List<string>();
        var path = "";
        var name = "";
        foreach (var segment in segments)
        {
            if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && body.RowOf(path, index) is { } row)
            {
                name = row;
            }
            else
            {
                name = name.Length == 0 ? segment : $"{name}.{segment}";
            }
            path = $"{path}/{segment}";
            names.Add(name);
        }
        return Enumerable.Reverse(names).FirstOrDefault(body.Form.Asked.Contains);
    }
}
