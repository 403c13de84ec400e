namespace Vigil.Server.Features.Incidents.Pages;

/// <summary>What every input of the new report form reads: the values as typed and the errors placed on them.</summary>
public sealed record ReportContext(ReportForm Form, ReportErrors Errors)
{
    public string Value(string name) => Form.Value(name);

    public bool Invalid(string name) => Errors.HasAt(name);

    /// <summary>The ids that describe an input: its hint, if any, and its errors, if any.</summary>
    public string? DescribedBy(string name, bool hasHint)
    {
        var id = ReportForm.IdOf(name);
        var ids = new[] { hasHint ? id + "-hint" : null, Invalid(name) ? id + "-error" : null }.OfType<string>().ToList();
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
