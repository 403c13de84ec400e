namespace Vigil.Domain.Regimes;

/// <summary>All regimes, read from their files; ids are unique. The caller reads the files (Domain does no I/O).</summary>
public sealed class RegimeCatalog
{
    private readonly Dictionary<string, Regime> _byId;

    private RegimeCatalog(Dictionary<string, Regime> byId) => _byId = byId;

    public IReadOnlyCollection<Regime> All => _byId.Values;

    /// <param name="files">Each file's name and text.</param>
    /// <exception cref="RegimeFileException">A file is bad, or two files share an id.</exception>
    public static RegimeCatalog Load(IEnumerable<(string FileName, string Json)> files)
    {
        var byId = new Dictionary<string, Regime>(StringComparer.Ordinal);
        foreach (var (fileName, json) in files.OrderBy(f => f.FileName, StringComparer.Ordinal))
        {
            var regime = RegimeReader.Read(fileName, json);
            if (!byId.TryAdd(regime.Id, regime))
            {
                throw new RegimeFileException(fileName, "/id", $"'{regime.Id}' is already used by another file");
            }
        }
        return new RegimeCatalog(byId);
    }

    public bool TryGet(string id, out Regime regime) => _byId.TryGetValue(id, out regime!);

    public Regime this[string id] =>
        _byId.TryGetValue(id, out var regime) ? regime : throw new KeyNotFoundException($"no regime '{id}'");
}
