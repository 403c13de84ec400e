using System.Security.Cryptography;
using System.Text;

namespace Vigil.Indicators.Tests.Artefacts;

/// <summary>Lays out an iOS backup: Manifest.db naming each file, the files stored under their hashed ids.</summary>
internal static class IosBackupBuilder
{
    public static void Build(string backup, SyntheticArtefacts artefacts)
    {
        var files = new (string Domain, string Path, Action<string> Write)[]
        {
            ("HomeDomain", "Library/Databases/DataUsage.sqlite", path => Database(artefacts, path,
                "CREATE TABLE ZPROCESS (Z_PK INTEGER PRIMARY KEY, ZPROCNAME TEXT, ZBUNDLENAME TEXT)",
                "INSERT INTO ZPROCESS VALUES (42, 'bh', 'com.apple.bh')",
                "INSERT INTO ZPROCESS VALUES (43, 'com.apple.Mappit', NULL)",
                "INSERT INTO ZPROCESS VALUES (44, 'bhd', 'com.evil.com.example.org')")),
            ("AppDomain-com.apple.mobilesafari", "Library/Safari/History.db", path => Database(artefacts, path,
                "CREATE TABLE history_items (id INTEGER PRIMARY KEY, url TEXT)",
                "INSERT INTO history_items VALUES (7, 'https://a.evil.com/x')",
                "INSERT INTO history_items VALUES (8, 'https://notevil.com/x')")),
            ("HomeDomain", "Library/SMS/sms.db", path => Database(artefacts, path,
                "CREATE TABLE message (ROWID INTEGER PRIMARY KEY, text TEXT)",
                "INSERT INTO message VALUES (3, 'Your parcel: wha.tsapp.me')",
                "INSERT INTO message VALUES (4, 'see www.tsapp.me')")),
            ("HomeDomain", "Library/Preferences/com.apple.identityservices.idstatuscache.plist", path => System.IO.File.WriteAllText(path,
                "<plist><dict><key>mailto:spy@gmail.com</key><dict/><key>mailto:friend@gmail.com</key><dict/></dict></plist>")),
        };
        Directory.CreateDirectory(backup);
        var manifest = new List<string> { "CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT, flags INTEGER, file BLOB)" };
        foreach (var (domain, path, write) in files)
        {
            var id = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{domain}-{path}")));
            Directory.CreateDirectory(Path.Combine(backup, id[..2]));
            write(Path.Combine(backup, id[..2], id));
            manifest.Add($"INSERT INTO Files VALUES ('{id}', '{domain}', '{path}', 1, NULL)");
        }
        manifest.Add("INSERT INTO Files VALUES ('dir', 'HomeDomain', 'Library/x/private/var/db', 2, NULL)");
        Database(artefacts, Path.Combine(backup, "Manifest.db"), [.. manifest]);
    }

    private static void Database(SyntheticArtefacts artefacts, string path, params string[] statements) =>
        artefacts.Database(Path.GetRelativePath(artefacts.Root, path), statements);
}
