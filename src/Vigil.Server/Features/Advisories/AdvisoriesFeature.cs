using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Advisories;

/// <summary>Other publishers' CSAF 2.0 advisories: imported after Vigil's own validation, kept byte for byte.</summary>
public static class AdvisoriesFeature
{
    public static IServiceCollection AddAdvisories(this IServiceCollection services) =>
        services.AddScoped<AdvisoryImportRecord>().AddSingleton<AdvisorySeverities>();

    public static IEndpointRouteBuilder MapAdvisories(this IEndpointRouteBuilder app)
    {
        // Reading is open to everyone: the audience filter narrows what each caller sees by TLP (anonymous: CLEAR only).
        var group = app.MapGroup("/api/v1/advisories").WithTags("Advisories").RequireAuthorization(Policies.Public);

        group.MapPost("/import", ImportAdvisory.Handle).RequireAuthorization(Policies.Staff)
            .Accepts<object>("application/json")
            .WithName("ImportAdvisory").WithSummary("Import another publisher's CSAF 2.0 document after checking the schema and every mandatory test");
        group.MapGet("/", ReadAdvisories.List).RequireRateLimiting(RateLimits.Costly).WithName("ListAdvisories").WithSummary("The imported advisories your TLP audience allows, with their publishers");
        group.MapGet("/{id:long}", ReadAdvisories.Get).WithName("GetAdvisory").WithSummary("One imported advisory");
        group.MapGet("/{id:long}/document", ReadAdvisories.Document).RequireRateLimiting(RateLimits.Costly).Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithName("GetAdvisoryDocument").WithSummary("The CSAF document exactly as it was imported");
        return app;
    }
}
