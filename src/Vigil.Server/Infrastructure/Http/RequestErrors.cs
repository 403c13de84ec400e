using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vigil.Server.Infrastructure.Web;

namespace Vigil.Server.Infrastructure.Http;

/// <summary>Answers a request that failed: problem+json for the API, a page for a page, with the status already chosen.</summary>
public static class RequestErrors
{
    public static async Task WriteAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            await new RazorComponentResult<RequestRefused>(new Dictionary<string, object?> { [nameof(RequestRefused.Status)] = status })
            {
                StatusCode = status,
            }.ExecuteAsync(context);
            return;
        }
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status },
        });
    }
}
