using Microsoft.Extensions.Options;
using Vigil.Server.Infrastructure.Web;

namespace Vigil.Server.Features.Attachments;

/// <summary>A page whose form may carry files to attach: its body may hold them, together as large as one file may be.</summary>
public sealed class AttachmentUploadsAttribute : BodyLimitAttribute
{
    public override long MaxBytes(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AttachmentsOptions>>().Value.MaxBytes + FormOverhead;
}
