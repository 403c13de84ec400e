using System.CommandLine;
using System.Text.RegularExpressions;
using Vigil.Cli;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli;

/// <summary>
/// Issue 17: docs/cli.md is checked against the commands `--help` lists, so the two cannot drift, and every command's
/// help carries an example.
/// </summary>
public sealed partial class CliDocsTests
{
    private static readonly RootCommand Root = VigilCli.Build(new CliOutput(TextWriter.Null, TextWriter.Null));

    private static IEnumerable<(string Path, Command Command)> Leaves(Command command, string path) =>
        command.Subcommands.Count == 0
            ? [(path, command)]
            : command.Subcommands.Where(c => !c.Hidden).SelectMany(c => Leaves(c, $"{path} {c.Name}".Trim()));

    private static readonly Lazy<string[]> CommandCells = new(() =>
    [
        .. File.ReadAllLines(RepositoryPaths.File("docs", "cli.md"))
            .Where(line => line.StartsWith("| `vigil ", StringComparison.Ordinal))
            .Select(line => line.Split(" | ")[0]),
    ]);

    [Fact]
    public void Every_command_is_in_docs_cli_md()
    {
        // A row names a command as `vigil a b c ...`, or names a group's first command so and its others as `d ...`.
        var missing = Leaves(Root, "").Where(leaf =>
        {
            var words = leaf.Path.Split(' ');
            var group = string.Join(' ', words[..^1]);
            return !CommandCells.Value.Any(cell => cell.Contains($"`vigil {leaf.Path}", StringComparison.Ordinal)
                || (cell.Contains($"`vigil {group} ", StringComparison.Ordinal) && Regex.IsMatch(cell, $"`{Regex.Escape(words[^1])}[ `]")));
        }).Select(leaf => leaf.Path).ToList();
        Assert.True(missing.Count == 0, "docs/cli.md lists no row for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_command_docs_cli_md_names_exists()
    {
        var paths = Leaves(Root, "").Select(leaf => leaf.Path).ToHashSet();
        var groups = paths.SelectMany(p => Enumerable.Range(1, p.Split(' ').Length).Select(n => string.Join(' ', p.Split(' ')[..n]))).ToHashSet();
        // Lower-case words after a whole command are its arguments (`vigil completion bash`); after a group they are not.
        bool Known(string named) => groups.Contains(named)
            || Enumerable.Range(1, named.Split(' ').Length - 1).Any(n => paths.Contains(string.Join(' ', named.Split(' ')[..n])));
        var unknown = CommandCells.Value
            .Select(cell => CommandWords().Match(cell).Groups["words"].Value.Trim())
            .Where(named => !Known(named)).ToList();
        Assert.True(unknown.Count == 0, "docs/cli.md names commands vigil does not have: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_command_s_help_has_an_example()
    {
        var without = Leaves(Root, "").Where(leaf => leaf.Command.Description?.Contains($"Example: vigil {leaf.Path}", StringComparison.Ordinal) != true)
            .Select(leaf => leaf.Path).ToList();
        Assert.True(without.Count == 0, "No 'Example: vigil ...' in the help of: " + string.Join(", ", without));
    }

    // The command words of a row's first cell: the lower-case words after `vigil`, up to the first argument or option.
    [GeneratedRegex("`vigil (?<words>[a-z][a-z-]*(?: [a-z][a-z-]*)*)")]
    private static partial Regex CommandWords();
}
