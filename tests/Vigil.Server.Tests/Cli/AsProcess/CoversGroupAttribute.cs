namespace Vigil.Server.Tests.Cli.AsProcess;

/// <summary>Marks a test that runs the built `vigil` as a process for these command groups; the coverage test counts them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CoversGroupAttribute(params string[] groups) : Attribute
{
    public IReadOnlyList<string> Groups { get; } = groups;
}
