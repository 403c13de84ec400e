namespace Vigil.Cli;

/// <summary>Where a command writes: standard output for results, standard error for everything else.</summary>
public sealed record CliOutput(TextWriter Out, TextWriter Error);
