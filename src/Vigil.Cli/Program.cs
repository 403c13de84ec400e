namespace Vigil.Cli;

internal static class EntryPoint
{
    public static Task<int> Main(string[] args) => VigilCli.RunAsync(args, Console.Out, Console.Error);
}
