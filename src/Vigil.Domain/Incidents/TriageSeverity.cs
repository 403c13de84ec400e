using System.Text.Json.Nodes;

namespace Vigil.Domain.Incidents;

/// <summary>How urgent an incident looks to the CERT's triage, from what its reports say; a sort key, never a verdict.</summary>
public enum Severity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

/// <summary>
/// The triage inbox's severity: a small, stated rule over three things a report says, so that two analysts (and the
/// API's figures) always agree on it. Points are added up:
/// <list type="bullet">
/// <item>critical systems affected (<c>critical_systems_affected</c> is true): 2 points;</item>
/// <item>people affected (<c>affected_users.total</c>): 1 point from 1,000, 2 from 100,000, 3 from 10,000,000;</item>
/// <item>a category that strikes at critical or shared infrastructure, payments or people's data (<see cref="GraveCategories"/>): 1 point.</item>
/// </list>
/// 0 points is low, 1–2 medium, 3–4 high, 5 or more critical. A field declared unknown, withheld from the reader by its
/// label, or not given adds nothing: the rule reads only what the reader may read, and says so by being lower.
/// </summary>
public static class TriageSeverity
{
    public const long ManyUsers = 1_000;
    public const long VeryManyUsers = 100_000;
    public const long MassUsers = 10_000_000;

    /// <summary>Categories that weigh one point more: critical systems, critical infrastructure, payments, data breaches.</summary>
    public static readonly IReadOnlySet<string> GraveCategories = new HashSet<string>(StringComparer.Ordinal)
    {
        "critical-system-compromise", "critical-infrastructure-attack", "digital-payment-attack", "data-breach", "data-leak",
    };

    /// <param name="category">The incident's category code.</param>
    /// <param name="fields">The incident's fields as the reader may read them (withheld fields carry no value).</param>
    public static Severity Of(string category, JsonObject fields)
    {
        var points = 0;
        if (fields["critical_systems_affected"] is JsonValue critical && critical.TryGetValue<bool>(out var isCritical) && isCritical)
        {
            points += 2;
        }
        points += UsersOf(fields) switch
        {
            >= MassUsers => 3,
            >= VeryManyUsers => 2,
            >= ManyUsers => 1,
            _ => 0,
        };
        if (GraveCategories.Contains(category))
        {
            points += 1;
        }
        return points switch
        {
            0 => Severity.Low,
            <= 2 => Severity.Medium,
            <= 4 => Severity.High,
            _ => Severity.Critical,
        };
    }

    private static long UsersOf(JsonObject fields) =>
        fields["affected_users"] is JsonObject users && users["total"] is JsonValue total && total.TryGetValue<long>(out var count) ? count : 0;
}
