using Vigil.Domain.Incidents;

namespace Vigil.Domain.Tests.Incidents;

public class IncidentStatusTests
{
    [Theory]
    [InlineData("received", "triaged", true)]
    [InlineData("triaged", "in_analysis", true)]
    [InlineData("in_analysis", "awaiting_information", true)]
    [InlineData("awaiting_information", "mitigated", true)]
    [InlineData("mitigated", "closed", true)]
    [InlineData("closed", "in_analysis", true)]
    [InlineData("received", "mitigated", false)]
    [InlineData("closed", "closed", false)]
    [InlineData("closed", "received", false)]
    [InlineData("triaged", "received", false)]
    [InlineData("nonsense", "triaged", false)]
    public void Moves_follow_the_workflow(string from, string to, bool allowed) => Assert.Equal(allowed, IncidentStatus.CanMove(from, to));

    [Fact]
    public void Every_status_is_reachable_from_received()
    {
        var seen = new HashSet<string> { IncidentStatus.Received };
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var s))
        {
            foreach (var next in IncidentStatus.MovesFrom(s).Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }
        Assert.Equal(IncidentStatus.All.Order(), seen.Order());
    }
}
