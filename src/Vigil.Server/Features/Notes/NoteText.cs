namespace Vigil.Server.Features.Notes;

/// <summary>The notes pages' strings (NoteText.resx, NoteText.hi.resx).</summary>
public sealed class NoteText;
