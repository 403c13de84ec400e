namespace Vigil.Server.Features.Incidents.Pages;

/// <summary>One input of each row of a repeatable group: its member name, input type and, for a choice, its options (value, text).</summary>
public sealed record RowMember(string Name, string Type = "text", IReadOnlyList<(string Value, string Text)>? Options = null);
