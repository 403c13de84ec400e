using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Web;

namespace Vigil.Server.Features.Attachments;

/// <summary>Files sent with incident reports and updates: uploaded first, attached by hash, downloaded by the incident's readers.</summary>
public static class AttachmentsFeature
{
    public static IServiceCollection AddAttachments(this IServiceCollection services)
    {
        services.AddOptions<AttachmentsOptions>().BindConfiguration(AttachmentsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AttachmentBlobs>();
        services.AddScoped<SubmissionAttachments>();
        // Also makes the blobs folder (and checks it is owner-only) at start, since it needs the blobs.
        services.AddHostedService<UnattachedUploadCleanup>();
        return services;
    }

    public static IEndpointRouteBuilder MapAttachments(this IEndpointRouteBuilder app)
    {
        // Signed in, and then the audience filter decides: whoever may not read an incident is answered 404 for its files.
        var group = app.MapGroup("/api/v1").WithTags("Attachments").RequireAuthorization(Policies.SignedIn);

        group.MapPost("/attachments", UploadAttachment.Handle)
            .RequireAuthorization(Policies.Filers)
            .Accepts<byte[]>("application/octet-stream", "*/*")
            .WithName("UploadAttachment").WithSummary("Upload a file (the raw body) to attach to a report or update by its SHA-256");
        group.MapGet("/incidents/{id}/attachments", IncidentAttachments.List)
            .WithName("ListIncidentAttachments").WithSummary("The files attached to an incident, across its submissions");
        group.MapGet("/incidents/{id}/attachments/{sha256}", IncidentAttachments.Download)
            .WithName("DownloadIncidentAttachment").WithSummary("Download one of an incident's files (recorded, served only as a download)");

        // The incident page's links: the same download for a page session, which never opens the API.
        app.MapGet("/incidents/{id}/attachments/{sha256}", IncidentAttachments.DownloadForPage).RequireAuthorization(Policies.SignedInPages)
            .WithContentSecurityPolicy(WebFeature.PagePolicy).ExcludeFromDescription();
        return app;
    }
}
