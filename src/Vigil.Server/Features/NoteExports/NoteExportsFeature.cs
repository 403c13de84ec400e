using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.NoteExports;

/// <summary>Vigil's own notes in other publishers' formats: CVE JSON 5 CNA containers and OSV records.</summary>
public static class NoteExportsFeature
{
    public static IServiceCollection AddNoteExports(this IServiceCollection services)
    {
        services.AddOptions<NoteExportsOptions>().BindConfiguration(NoteExportsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapNoteExports(this IEndpointRouteBuilder app)
    {
        // Readable by whoever may read the note itself (the audience filter on notes), as the note's other forms are.
        var group = app.MapGroup("/api/v1/notes").WithTags("Notes").RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Costly);
        group.MapGet("/{id}/cve5", ExportNote.Cve5).WithName("ExportNoteCve5")
            .WithSummary("A published note as the CNA container of a CVE JSON 5 record (?cve= picks one of several CVE ids)");
        group.MapGet("/{id}/osv", ExportNote.Osv).WithName("ExportNoteOsv").WithSummary("A published note as an OSV record");
        return app;
    }
}
