namespace Vigil.Server.Features.NoteEditor;

/// <summary>What every input of the note editor reads: the values as typed and the errors placed on them.</summary>
public sealed record EditorContext(NoteEditorForm Form, EditorErrors Errors)
{
    public string Value(string name) => Form.Value(name);

    public bool Invalid(string name) => Errors.HasAt(name);

    /// <summary>The ids that describe an input: its hint, if any, and its errors, if any.</summary>
    public string? DescribedBy(string name, bool hasHint)
    {
        var id = NoteEditorForm.IdOf(name);
        var ids = new[] { hasHint ? id + "-hint" : null, Invalid(name) ? id + "-error" : null }.OfType<string>().ToList();
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
