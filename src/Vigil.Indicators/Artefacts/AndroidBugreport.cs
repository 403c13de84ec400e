using Vigil.Indicators.Matching;

namespace Vigil.Indicators.Artefacts;

/// <summary>
/// An Android bugreport (dumpstate text): installed packages from the package service dump and process names from
/// the process list become typed values; every line is also searched as text.
/// </summary>
internal static class AndroidBugreport
{
    public static void Read(Stream stream, ScanSession session)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        string? section = null;
        long number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.StartsWith("DUMP OF SERVICE ", StringComparison.Ordinal) || line.StartsWith("------ ", StringComparison.Ordinal))
            {
                section = line.StartsWith("DUMP OF SERVICE package:", StringComparison.Ordinal) ? "packages"
                    : line.Contains("PROCESSES", StringComparison.Ordinal) ? "processes" : null;
            }
            session.At(section, "line", number);
            session.ObserveText(line);
            if (section == "packages") { Package(line, session); }
            else if (section == "processes") { Process(line, session); }
        }
    }

    // "  Package [com.example.app] (1a2b3c):"
    private static void Package(string line, ScanSession session)
    {
        var trimmed = line.AsSpan().TrimStart();
        if (!trimmed.StartsWith("Package [")) { return; }
        var close = trimmed.IndexOf(']');
        if (close > 9) { session.Observe(ObservableKind.AppId, trimmed[9..close]); }
    }

    // "u0_a123  4321  1234 ... S com.example.app": the last column of a ps row is the process name.
    private static void Process(string line, ScanSession session)
    {
        var columns = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (columns.Length < 3 || columns[0] == "USER" || !columns[1].All(char.IsAsciiDigit)) { return; }
        session.Observe(ObservableKind.ProcessName, columns[^1]);
    }
}
