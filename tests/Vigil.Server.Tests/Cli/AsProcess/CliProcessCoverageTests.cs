using System.Reflection;
using Vigil.Cli;

namespace Vigil.Server.Tests.Cli.AsProcess;

/// <summary>Every command group `vigil` has is run as a process by some test here: a new group without one fails this.</summary>
public sealed class CliProcessCoverageTests
{
    [Fact]
    public void Every_command_group_has_a_process_test()
    {
        var groups = VigilCli.Build(new CliOutput(TextWriter.Null, TextWriter.Null)).Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        var covered = typeof(CliProcessCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FactAttribute>() is not null)
            .SelectMany(m => m.GetCustomAttribute<CoversGroupAttribute>()?.Groups ?? [])
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(groups.Count >= 20, "the root lists its groups: " + string.Join(", ", groups));
        var missing = groups.Where(g => !covered.Contains(g)).ToList();
        Assert.True(missing.Count == 0, "command groups no process test runs: " + string.Join(", ", missing));
        var unknown = covered.Where(c => !groups.Contains(c)).ToList();
        Assert.True(unknown.Count == 0, "process tests name groups vigil does not have: " + string.Join(", ", unknown));
    }
}
