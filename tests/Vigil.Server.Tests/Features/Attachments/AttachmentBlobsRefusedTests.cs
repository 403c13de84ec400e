using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vigil.Server.Features.Attachments;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Tests.Features.Attachments;

/// <summary>
/// Issue 15, "Disk full": a file stored whose row the database then refused (it had no room) was left behind, named by
/// no row, so that nothing would ever delete it. One already stored before, which a row names, must stay.
/// </summary>
public sealed class AttachmentBlobsRefusedTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-blobs-").FullName;
    private readonly AttachmentBlobs _blobs;
    private readonly VaultKey _vault;
    private readonly byte[] _file = RandomNumberGenerator.GetBytes(4096);

    public AttachmentBlobsRefusedTests()
    {
        var storage = Options.Create(new StorageOptions { DataDirectory = _directory });
        _vault = new VaultKey(Options.Create(new VaultOptions()), storage);
        _blobs = new AttachmentBlobs(storage, _vault, NullLogger<AttachmentBlobs>.Instance);
    }

    private string Sha256 => Convert.ToHexStringLower(SHA256.HashData(_file));

    [Fact]
    public async Task A_new_file_whose_row_the_database_refused_is_not_left_behind()
    {
        await Assert.ThrowsAsync<SqliteException>(() => _blobs.StoreAsync(Sha256, _file, RefusedForWantOfSpace, CancellationToken.None));
        Assert.Empty(Directory.GetFiles(_blobs.Root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_file_a_row_already_names_stays_when_another_row_for_it_is_refused()
    {
        await _blobs.StoreAsync(Sha256, _file, () => Task.CompletedTask, CancellationToken.None);
        await Assert.ThrowsAsync<SqliteException>(() => _blobs.StoreAsync(Sha256, _file, RefusedForWantOfSpace, CancellationToken.None));
        Assert.Equal(_file, _blobs.Open(Sha256).Plaintext);
    }

    private static Task RefusedForWantOfSpace() => throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13, 13);

    public void Dispose()
    {
        _blobs.Dispose();
        _vault.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
