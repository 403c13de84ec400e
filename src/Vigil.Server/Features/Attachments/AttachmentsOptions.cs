using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Features.Attachments;

/// <summary>Section "Attachments": how large an uploaded file may be, and how long an upload waits to be attached.</summary>
public sealed class AttachmentsOptions
{
    public const string Section = "Attachments";

    /// <summary>The largest file accepted, in bytes (default 25 MiB). A file is held in memory while it is sealed.</summary>
    [Range(1, 1024 * 1024 * 1024)]
    public int MaxBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>How long an upload may wait to be named in a report or update; after that it can no longer be, and is deleted.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan UnattachedLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often uploads older than <see cref="UnattachedLifetime"/> and never attached are deleted.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>False stops the cleanup (unattached uploads then stay until it runs again).</summary>
    public bool CleanupEnabled { get; set; } = true;
}
