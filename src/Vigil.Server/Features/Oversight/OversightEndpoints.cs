using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Vigil.Data;
using Vigil.Domain.Regimes;
using Vigil.Server.Features.Compliance;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Oversight;

/// <summary>
/// What the oversight pages serve besides themselves: each chart's table as CSV, for a page session of oversight or
/// the CERT (never a bearer token: the API's <c>GET /api/v1/compliance</c> with <c>Accept: text/csv</c> is for programs).
/// </summary>
public static class OversightEndpoints
{
    public const string ChartCsvPattern = "/oversight/charts/{chart}.csv";

    public static IEndpointRouteBuilder MapOversight(this IEndpointRouteBuilder app)
    {
        app.MapGet(ChartCsvPattern, ChartCsvAsync).RequireAuthorization(Policies.OversightPages).ExcludeFromDescription();
        return app;
    }

    /// <summary>Exactly the table beside the chart on the dashboard for the same filters, in the reader's language.</summary>
    private static async Task<IResult> ChartCsvAsync(
        string chart, [FromQuery(Name = "from")] string? from, [FromQuery(Name = "to")] string? to, [FromQuery(Name = "regime")] string? regime,
        [FromQuery(Name = "sector")] string? sector, HttpContext http, VigilDbContext db, RegimeCatalog catalog, TimeProvider clock,
        ComplianceCache cache, IStringLocalizer<OversightText> text)
    {
        var index = OversightCharts.Names.ToList().IndexOf(chart);
        if (index < 0)
        {
            return TypedResults.StatusCode(StatusCodes.Status404NotFound);
        }
        var form = OversightForm.Read(from, to, regime, sector, catalog, clock);
        if (form.Errors.Count > 0)
        {
            return TypedResults.StatusCode(StatusCodes.Status400BadRequest);
        }
        var set = await ComplianceQuery.LoadAsync(db, catalog, clock, cache, form.Scope(), http.RequestAborted);
        var table = OversightCharts.Build(new OversightFigures(set, form.FirstDay, form.LastDay), text)[index].Table;
        http.Response.Headers.CacheControl = "no-store";
        var name = string.Create(CultureInfo.InvariantCulture, $"oversight-{chart}-{form.FirstDay:yyyy-MM-dd}-{form.LastDay:yyyy-MM-dd}.csv");
        return TypedResults.File(Encoding.UTF8.GetBytes(table.Csv()), "text/csv; charset=utf-8", name);
    }
}
