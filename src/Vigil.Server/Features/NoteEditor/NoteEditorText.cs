namespace Vigil.Server.Features.NoteEditor;

/// <summary>The note editor's strings (NoteEditorText.resx, NoteEditorText.hi.resx).</summary>
public sealed class NoteEditorText;
