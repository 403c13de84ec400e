using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Attachments;

/// <summary>
/// The bytes of attachments: content-addressed files under {Storage:DataDirectory}/blobs/{first two hex digits}/{sha256},
/// each sealed with the vault key (AES-256-GCM, the plaintext's SHA-256 as associated data, so a file put in another's
/// place does not open). Folders are owner-only (0700), files too (0600); a blobs folder others may enter stops the start.
/// </summary>
public sealed partial class AttachmentBlobs : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly VaultKey _vault;
    private readonly ILogger<AttachmentBlobs> _logger;
    // Writing a file and deleting an unreferenced one take turns, so a cleanup cannot delete a file being uploaded again.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public AttachmentBlobs(IOptions<StorageOptions> storage, VaultKey vault, ILogger<AttachmentBlobs> logger)
    {
        _vault = vault;
        _logger = logger;
        Root = Path.GetFullPath(Path.Combine(storage.Value.DataDirectory, "blobs"));
        CreateOwnerOnlyFolder(Root);
    }

    public string Root { get; }

    /// <summary>What opening a stored file gave: its plaintext, or why there is none.</summary>
    public sealed record Opened(byte[]? Plaintext, string? Damage);

    public string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);

    /// <summary>
    /// Seals and stores the file (replacing a damaged or older copy of the same content), then runs
    /// <paramref name="record"/> (which stores its row) before any cleanup may look at the file.
    /// </summary>
    public async Task StoreAsync(string sha256, byte[] plaintext, Func<Task> record, CancellationToken cancellationToken)
    {
        var sealedValue = _vault.Seal(plaintext, Convert.FromHexString(sha256));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var folder = Path.Combine(Root, sha256[..2]);
            CreateOwnerOnlyFolder(folder);
            var temporary = Path.Combine(folder, $"{sha256}.{Guid.NewGuid():N}.partial");
            var known = File.Exists(PathOf(sha256));
            try
            {
                OwnerOnlyFile.Create(temporary, stream => stream.Write(sealedValue));
                File.Move(temporary, PathOf(sha256), overwrite: true);
            }
            catch (IOException)
            {
                // A full disk stops the write part way: the part written would hold on to the space it took.
                File.Delete(temporary);
                throw;
            }
            try
            {
                await record();
            }
            catch when (!known)
            {
                // No row names the new file (the database refused it, for want of space say): nothing would ever delete it.
                File.Delete(PathOf(sha256));
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Opens a stored file; a missing, altered or misplaced one is reported (without its content) and answered as damaged.</summary>
    public Opened Open(string sha256)
    {
        byte[] sealedValue;
        try
        {
            sealedValue = File.ReadAllBytes(PathOf(sha256));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Damaged(sha256, "the file is missing");
        }
        byte[] plaintext;
        try
        {
            plaintext = _vault.Open(sealedValue, Convert.FromHexString(sha256));
        }
        catch (CryptographicException)
        {
            return Damaged(sha256, "the file does not open under the vault key (altered, truncated or put in another's place)");
        }
        return Convert.ToHexStringLower(SHA256.HashData(plaintext)) == sha256
            ? new Opened(plaintext, null)
            : Damaged(sha256, "the content does not have the hash it is stored under");
    }

    /// <summary>Deletes the stored file unless <paramref name="stillReferenced"/> says a row still names it.</summary>
    public async Task<bool> DeleteUnreferencedAsync(string sha256, Func<Task<bool>> stillReferenced, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await stillReferenced())
            {
                return false;
            }
            File.Delete(PathOf(sha256));
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private Opened Damaged(string sha256, string why)
    {
        LogDamaged(_logger, sha256, why);
        return new Opened(null, why);
    }

    private static void CreateOwnerOnlyFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, OwnerOnly);
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOther) != 0)
        {
            throw new InvalidOperationException(
                $"{path} may be entered or listed by others (mode {Convert.ToString((int)mode, 8)}); make it owner-only (chmod 700).");
        }
    }

    [LoggerMessage(EventId = 7300, Level = LogLevel.Warning, Message = "Stored attachment {Sha256} cannot be served: {Why}")]
    private static partial void LogDamaged(ILogger logger, string sha256, string why);
}
