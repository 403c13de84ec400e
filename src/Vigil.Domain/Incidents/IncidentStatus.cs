namespace Vigil.Domain.Incidents;

/// <summary>The life of an incident at the CERT, and the moves an analyst may make between its stages.</summary>
public static class IncidentStatus
{
    public const string Received = "received";
    public const string Triaged = "triaged";
    public const string InAnalysis = "in_analysis";
    public const string AwaitingInformation = "awaiting_information";
    public const string Mitigated = "mitigated";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Received, Triaged, InAnalysis, AwaitingInformation, Mitigated, Closed];

    private static readonly Dictionary<string, string[]> Moves = new(StringComparer.Ordinal)
    {
        // A report can be closed straight away (a duplicate, not an incident), otherwise it is triaged first.
        [Received] = [Triaged, Closed],
        [Triaged] = [InAnalysis, AwaitingInformation, Mitigated, Closed],
        [InAnalysis] = [AwaitingInformation, Mitigated, Closed],
        [AwaitingInformation] = [InAnalysis, Mitigated, Closed],
        [Mitigated] = [InAnalysis, AwaitingInformation, Closed],
        // Reopening: a closed incident goes back to triage or straight into analysis.
        [Closed] = [Triaged, InAnalysis],
    };

    public static bool IsValid(string status) => Moves.ContainsKey(status);

    public static bool CanMove(string from, string to) =>
        Moves.TryGetValue(from, out var targets) && targets.Contains(to, StringComparer.Ordinal);

    public static IReadOnlyList<string> MovesFrom(string from) => Moves.TryGetValue(from, out var targets) ? targets : [];
}
