namespace Vigil.Cli;

internal static class EntryPoint
{
    public static Task<int> Main(string[] args) => Task.FromResult(0);
}
