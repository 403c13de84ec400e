using System.Text.Json.Nodes;
using Vigil.Domain.Incidents;

namespace Vigil.Domain.Regimes;

/// <summary>Which of a stage's required fields a view leaves out, and which it answers only as declared unknown.</summary>
public sealed record Completeness(IReadOnlyList<string> Missing, IReadOnlyList<string> DeclaredUnknown)
{
    public static readonly Completeness Empty = new([], []);
}

/// <summary>
/// Reads required field paths against an incident view. A path is dotted (<c>affected_users.by_country</c>). A field
/// declared <c>{"unknown": "reason"}</c> at any level of the path counts as answered, and is listed as unknown. Through
/// an array, every element must carry the member. An empty array is an answer ("none"), not a gap.
/// </summary>
public static class RequiredFields
{
    public static Completeness Check(JsonObject? view, IEnumerable<string> paths)
    {
        var missing = new List<string>();
        var unknown = new List<string>();
        foreach (var path in paths)
        {
            switch (Resolve(view, path.Split('.'), 0))
            {
                case Answer.Missing:
                    missing.Add(path);
                    break;
                case Answer.Unknown:
                    unknown.Add(path);
                    break;
            }
        }
        return new Completeness(missing, unknown);
    }

    private enum Answer { Given, Unknown, Missing }

    private static Answer Resolve(JsonNode? node, string[] segments, int index)
    {
        if (node is null)
        {
            return Answer.Missing;
        }
        if (UnknownDeclaration.IsDeclaration(node))
        {
            return Answer.Unknown;
        }
        if (index == segments.Length)
        {
            return Answer.Given;
        }
        return node switch
        {
            JsonObject o => Resolve(o[segments[index]], segments, index + 1),
            JsonArray a => a.Count == 0 ? Answer.Given : a.Select(item => Resolve(item, segments, index)).Max(),
            _ => Answer.Missing,
        };
    }
}
