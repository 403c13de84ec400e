using System.Globalization;
using Microsoft.Extensions.Localization;
using Vigil.Domain.Incidents;

namespace Vigil.Server.Features.Incidents.Pages;

/// <summary>
/// What an input of the report form is called in the reader's language, from its name: "Affected systems, row 3,
/// Product" for <c>affected_systems[2].product</c>; also a field as a regime names it (<c>affected_users.by_country</c>).
/// A part with no name of its own (a regime's id, a file's hash) is data, and shown as it is.
/// </summary>
public static class ReportLabels
{
    private static readonly string[] Lists = ["regimes", AttachmentReference.Field];

    public static string Of(string name, IStringLocalizer<IncidentPagesText> text)
    {
        foreach (var list in Lists.Where(l => name.StartsWith(l + ".", StringComparison.Ordinal)))
        {
            return $"{text["Name_" + list]}, {name[(list.Length + 1)..]}";
        }
        var parts = new List<string>();
        foreach (var part in name.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var member = bracket < 0 ? part : part[..bracket];
            var label = text["Name_" + member];
            parts.Add(label.ResourceNotFound ? member : label.Value);
            if (bracket >= 0 && int.TryParse(part[(bracket + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var row))
            {
                parts.Add(text["Row", (row + 1).ToString(CultureInfo.CurrentCulture)]);
            }
        }
        return string.Join(", ", parts);
    }
}
