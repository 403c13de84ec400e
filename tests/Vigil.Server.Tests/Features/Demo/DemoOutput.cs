using System.Text.RegularExpressions;

namespace Vigil.Server.Tests.Features.Demo;

/// <summary>What `vigil demo` printed, read back as a newcomer reads it: the addresses to open and the accounts to use.</summary>
public sealed partial record DemoOutput(string NoteId, string IncidentId, string CollectionId, IReadOnlyDictionary<string, (string Email, string Password)> Accounts)
{
    public static DemoOutput Read(string printed) => new(
        NotePattern().Match(printed).Groups[1].Value,
        IncidentPattern().Match(printed).Groups[1].Value,
        CollectionPattern().Match(printed).Groups[1].Value,
        AccountPattern().Matches(printed).ToDictionary(m => m.Groups[1].Value, m => (m.Groups[2].Value, m.Groups[3].Value)));

    [GeneratedRegex(@"/notes/(VIGN-2019-\d+)")]
    private static partial Regex NotePattern();

    [GeneratedRegex(@"/incidents/([0-9a-f-]{36})#")]
    private static partial Regex IncidentPattern();

    [GeneratedRegex(@"/indicators/([0-9a-f-]{36})")]
    private static partial Regex CollectionPattern();

    [GeneratedRegex(@"^  (admin|analyst|reporter|oversight) +(\S+@\S+) +(\S+) ", RegexOptions.Multiline)]
    private static partial Regex AccountPattern();
}
