using System.Text.Json.Nodes;
using CsCheck;
using Vigil.Domain.Incidents;

namespace Vigil.Domain.Tests.Incidents;

public class IncidentFoldTests
{
    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void The_last_submission_naming_a_field_wins_and_changes_are_old_to_new()
    {
        var (view, changes) = IncidentFold.Replay([
            Obj("""{"title": "t", "affected_users": {"total": 10}}"""),
            Obj("""{"affected_users": {"total": 1400}, "narrative": "more found"}"""),
            Obj("""{"status": "triaged", "reason": "real"}"""),
        ]);
        Assert.Equal(1400, view["affected_users"]!["total"]!.GetValue<int>());
        Assert.Equal("triaged", view["status"]!.GetValue<string>());
        Assert.Equal("AMBER", view["tlp"]!.GetValue<string>());
        var change = Assert.Single(changes[1]);
        Assert.Equal("affected_users", change.Field);
        Assert.Equal(10, change.Old!["total"]!.GetValue<int>());
        Assert.Equal(1400, change.New!["total"]!.GetValue<int>());
        Assert.Equal(["status"], changes[2].Select(c => c.Field));
        Assert.False(view.ContainsKey("narrative"));
    }

    [Fact]
    public void Repeating_a_value_is_not_a_change()
    {
        var (_, changes) = IncidentFold.Replay([Obj("""{"title": "t"}"""), Obj("""{"title": "t"}""")]);
        Assert.Empty(changes[1]);
    }

    // The view is a function of the submissions alone: replaying any prefix then the rest gives the same view.
    [Fact]
    public void Folding_is_the_same_whether_replayed_whole_or_in_two_parts() =>
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 3]).Array[1, 12].Sample(steps =>
        {
            var contents = steps.Select(s => Obj($$"""{"f{{s.Item1}}": {{s.Item2}}}""")).ToList();
            var whole = IncidentFold.Replay(contents).View;
            var split = steps.Length / 2;
            var view = IncidentFold.Replay(contents.Take(split)).View;
            foreach (var c in contents.Skip(split))
            {
                IncidentFold.Apply(view, c);
            }
            return JsonNode.DeepEquals(whole, view);
        });
}
