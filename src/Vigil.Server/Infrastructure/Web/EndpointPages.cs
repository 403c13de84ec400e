using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Vigil.Server.Infrastructure.Web;

/// <summary>Answers an endpoint's request with a component inside the site's document and layout, with a status.</summary>
public static class EndpointPages
{
    public static RazorComponentResult<EndpointPage> Show<TPage>(int status = StatusCodes.Status200OK, IDictionary<string, object>? parameters = null)
        where TPage : IComponent =>
        new(new Dictionary<string, object?>
        {
            [nameof(EndpointPage.Page)] = typeof(TPage),
            [nameof(EndpointPage.Parameters)] = parameters ?? new Dictionary<string, object>(),
        })
        {
            StatusCode = status,
        };
}
