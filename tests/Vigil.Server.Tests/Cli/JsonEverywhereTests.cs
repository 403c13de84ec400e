using System.CommandLine;
using Vigil.Cli;

namespace Vigil.Server.Tests.Cli;

/// <summary>
/// Issue 17: "--json everywhere". Every command that reports a result takes --json (its own, or one its group passes
/// down); docs/cli.md names the three that print no result to shape. A new command without it fails here.
/// </summary>
public sealed class JsonEverywhereTests
{
    private static readonly HashSet<string> NoResultToShape = ["vigil serve", "vigil witness serve", "vigil completion", "vigil ioc convert"];

    [Fact]
    public void Every_command_that_reports_a_result_takes_json()
    {
        var root = VigilCli.Build(new CliOutput(TextWriter.Null, TextWriter.Null));
        var leaves = Leaves(root, "vigil", []).ToList();
        Assert.True(leaves.Count > 40, "the tree lists its commands: " + leaves.Count);
        var without = leaves.Where(l => !l.Options.Contains("--json") && !NoResultToShape.Contains(l.Path)).Select(l => l.Path).ToList();
        Assert.True(without.Count == 0, "commands without --json: " + string.Join(", ", without));
        Assert.All(NoResultToShape, path => Assert.Contains(leaves, l => l.Path == path));
    }

    private static IEnumerable<(string Path, HashSet<string> Options)> Leaves(Command command, string path, HashSet<string> passedDown)
    {
        var options = new HashSet<string>(passedDown, StringComparer.Ordinal);
        options.UnionWith(command.Options.Select(o => o.Name));
        var down = new HashSet<string>(passedDown, StringComparer.Ordinal);
        down.UnionWith(command.Options.Where(o => o.Recursive).Select(o => o.Name));
        var children = command.Subcommands.Where(c => !c.Hidden).ToList();
        if (children.Count == 0)
        {
            yield return (path, options);
        }
        foreach (var child in children)
        {
            foreach (var leaf in Leaves(child, path + " " + child.Name, down))
            {
                yield return leaf;
            }
        }
    }
}
