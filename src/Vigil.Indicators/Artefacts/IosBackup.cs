using Microsoft.Data.Sqlite;
using Vigil.Indicators.Matching;

namespace Vigil.Indicators.Artefacts;

/// <summary>
/// An iOS backup folder. Manifest.db maps each stored file id back to its domain and path; the paths are matched
/// as file paths, and each stored file is read under its real name ("HomeDomain/Library/SMS/sms.db"), so hits in
/// Safari history, sms.db, DataUsage.sqlite or the identity-services cache say where they are.
/// </summary>
internal static class IosBackup
{
    public const string ManifestName = "Manifest.db";

    public static bool IsBackup(string directory) => File.Exists(Path.Combine(directory, ManifestName));

    public static void Read(string directory, ArtefactReader reader)
    {
        var files = new List<(string FileId, string Name)>();
        var manifest = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, ManifestName), Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        };
        using (var connection = new SqliteConnection(manifest.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT rowid, fileID, domain, relativePath, flags FROM Files ORDER BY rowid";
            using var rows = command.ExecuteReader();
            ArtefactReader.Complete(reader.Session(Path.Combine(directory, ManifestName)), session =>
            {
                while (rows.Read())
                {
                    var relativePath = rows.IsDBNull(3) ? "" : rows.GetString(3);
                    session.At("Files.relativePath", "row", rows.GetInt64(0));
                    session.Observe(ObservableKind.FilePath, relativePath);
                    // flags 1 marks a regular file; directories and links have no stored content.
                    if (!rows.IsDBNull(4) && rows.GetInt64(4) == 1) { files.Add((rows.GetString(1), $"{rows.GetString(2)}/{relativePath}")); }
                }
            });
        }
        foreach (var (fileId, name) in files)
        {
            var stored = Path.Combine(directory, fileId[..Math.Min(2, fileId.Length)], fileId);
            if (File.Exists(stored)) { reader.ReadFile(stored, $"{directory}{Path.DirectorySeparatorChar}{name}"); }
        }
    }
}
