using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Notes;

/// <summary>Vulnerability notes: written by analysts, published, revised and withdrawn on the record, read by all.</summary>
public static class NotesFeature
{
    public static IServiceCollection AddNotes(this IServiceCollection services)
    {
        services.AddOptions<NotesOptions>().BindConfiguration(NotesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<NoteRecorder>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotes(this IEndpointRouteBuilder app)
    {
        // Reading is open to everyone: the audience filter narrows what each caller sees (drafts: staff; published: by
        // TLP, each revision by the label it was published under).
        var group = app.MapGroup("/api/v1/notes").WithTags("Notes").RequireAuthorization(Policies.Public);

        group.MapGet("/", ReadNotes.List).RequireRateLimiting(RateLimits.Costly).WithName("ListNotes").WithSummary("The notes you may read, newest first");
        group.MapGet("/{id}", ReadNotes.Get).WithName("GetNote").WithSummary("A note as it stands, with its CVSS scores");
        group.MapGet("/{id}/history", ReadNotes.History).RequireRateLimiting(RateLimits.Costly).WithName("GetNoteHistory").WithSummary("Every revision of a note, in order");
        group.MapGet("/{id}/revisions/{sequence:int}", ReadNotes.Revision).WithName("GetNoteRevision").WithSummary("One revision of a note");

        group.MapPost("/", AuthorNotes.Create).RequireAuthorization(Roles.Analyst)
            .Accepts<object>("application/json").AddEndpointFilter<IdempotencyFilter>()
            .WithName("CreateNote").WithSummary("Open a draft note");
        group.MapPut("/{id}", AuthorNotes.EditDraft).RequireAuthorization(Roles.Analyst)
            .Accepts<object>("application/json")
            .WithName("EditDraftNote").WithSummary("Rewrite a draft note");
        group.MapPost("/{id}/publication", NoteWorkflowEndpoints.Publish).RequireAuthorization(Roles.Analyst)
            .Accepts<NoteWorkflowEndpoints.PublishRequest>("application/json").AddEndpointFilter<IdempotencyFilter>()
            .WithName("PublishNote").WithSummary("Publish a draft as version 1.0.0");
        group.MapPost("/{id}/revisions", NoteWorkflowEndpoints.Revise).RequireAuthorization(Roles.Analyst)
            .Accepts<NoteWorkflowEndpoints.ReviseRequest>("application/json").AddEndpointFilter<IdempotencyFilter>()
            .WithName("ReviseNote").WithSummary("Publish a new version of a note, saying what changed");
        group.MapPost("/{id}/withdrawal", NoteWorkflowEndpoints.Withdraw).RequireAuthorization(Roles.Analyst)
            .Accepts<NoteWorkflowEndpoints.WithdrawRequest>("application/json").AddEndpointFilter<IdempotencyFilter>()
            .WithName("WithdrawNote").WithSummary("Withdraw a note: a last revision that says why; it stays readable");
        NoteFeed.Map(app);
        return app;
    }
}
