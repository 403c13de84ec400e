using Vigil.Cli.Witness;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Security;

/// <summary>
/// Finding "secrets at rest: the data folder and database file take the process umask": on real files, the data
/// directory is its owner's alone (0700), the SQLite files too (0600), loose ones are tightened at start, and a key
/// file that others may read stops the start (or the witness) naming the file.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FilePermissionTests : IDisposable
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Readable = OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly string _parent = Directory.CreateTempSubdirectory("vigil-modes-").FullName;

    private string Data => Path.Combine(_parent, "data");

    [Fact]
    public async Task A_first_start_makes_the_data_directory_and_the_database_files_owner_only()
    {
        using (var factory = new DataFactory(Data))
        {
            Assert.True((await factory.CreateClient().GetAsync("/healthz")).IsSuccessStatusCode);
            Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(Data));
            Assert.All(DatabaseFiles(), file => Assert.Equal((file, OwnerOnlyFile), (file, File.GetUnixFileMode(file))));
            Assert.Contains(Path.Combine(Data, "vigil.db"), DatabaseFiles());
            // The log's key lives beside the data directory, not in it (issue 14), owner-only as well.
            Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(Data + "-keys"));
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(Data + "-keys", "ledger-signer.key")));
        }
    }

    [Fact]
    public async Task Loose_ones_are_tightened_at_the_next_start()
    {
        using (var first = new DataFactory(Data))
        {
            await first.CreateClient().GetAsync("/healthz");
        }
        File.SetUnixFileMode(Data, OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        foreach (var file in DatabaseFiles()) { File.SetUnixFileMode(file, Readable); }

        using var second = new DataFactory(Data);
        Assert.True((await second.CreateClient().GetAsync("/healthz")).IsSuccessStatusCode);

        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(Data));
        Assert.All(DatabaseFiles(), file => Assert.Equal((file, OwnerOnlyFile), (file, File.GetUnixFileMode(file))));
    }

    [Theory]
    [InlineData("ledger-signer.key")]
    [InlineData("csaf-openpgp.key")]
    [InlineData("vault.key")]
    public async Task A_key_file_others_may_read_stops_the_start_naming_it(string name)
    {
        using (var first = new DataFactory(Data))
        {
            await first.CreateClient().GetAsync("/healthz");
        }
        var key = Path.Combine(name == "ledger-signer.key" ? Data + "-keys" : Data, name);
        if (!File.Exists(key)) { await File.WriteAllTextAsync(key, "not read: refused first"); }
        File.SetUnixFileMode(key, Readable);

        using var second = new DataFactory(Data);
        var refused = Record.Exception(() => second.CreateClient());

        Assert.NotNull(refused);
        Assert.Contains($"{key} may be read or written by others", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_witness_makes_its_key_owner_only_and_refuses_one_others_may_read()
    {
        var key = Path.Combine(_parent, "witness", "witness.key");
        using (WitnessKeyFile.LoadOrCreate(key, "witness.example/w1", TimeProvider.System))
        {
            Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(Path.GetDirectoryName(key)!));
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(key));
        }
        File.SetUnixFileMode(key, Readable);

        var refused = Assert.Throws<InvalidOperationException>(() => WitnessKeyFile.LoadOrCreate(key, null, TimeProvider.System));
        Assert.Contains(key, refused.Message, StringComparison.Ordinal);
    }

    private List<string> DatabaseFiles() =>
        [.. new[] { "vigil.db", "vigil.db-wal", "vigil.db-shm" }.Select(f => Path.Combine(Data, f)).Where(File.Exists)];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_parent, recursive: true);
    }

    /// <summary>The server on a data directory the test chose (and cleans up itself), kept between starts.</summary>
    private sealed class DataFactory : VigilFactory
    {
        public DataFactory(string dataDirectory)
            : base(dataDirectory, NewClock(Start))
        {
            DeleteDataOnDispose = false;
        }
    }
}
