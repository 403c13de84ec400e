using Microsoft.Extensions.Localization;

namespace Vigil.Server.Features.Incidents;

/// <summary>The incident page's strings (IncidentPageText.resx, IncidentPageText.hi.resx).</summary>
public sealed class IncidentPageText
{
    /// <summary>A field's or a member's name in the reader's language; one the resources do not name is shown as it is (it is data).</summary>
    public static string NameOf(IStringLocalizer<IncidentPageText> text, string name)
    {
        foreach (var key in new[] { "Field_" + name, "Member_" + name })
        {
            if (text[key] is { ResourceNotFound: false } found)
            {
                return found.Value;
            }
        }
        return name;
    }

    /// <summary>A word the record stores as a code (a kind, a state, a role) in the reader's language, else the code.</summary>
    public static string CodeOf(IStringLocalizer<IncidentPageText> text, string group, string? code) =>
        code is null ? "" : text[$"{group}_{code}"] is { ResourceNotFound: false } found ? found.Value : code;
}
