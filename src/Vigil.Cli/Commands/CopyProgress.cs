namespace Vigil.Cli.Commands;

/// <summary>`db copy`'s progress line on standard error, redrawn in place; only when standard error is a terminal.</summary>
internal sealed class CopyProgress(TextWriter error)
{
    public static CopyProgress? StartIfTerminal(TextWriter error) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? new CopyProgress(error) : null;

    public void Show(string table, long rows) => error.Write($"\r\u001b[Kcopying {table}: {rows} rows");

    public void Done() => error.Write("\r\u001b[K");
}
