using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Reminders;

/// <param name="Lead">ISO 8601 duration before the due time; null for an overdue reminder.</param>
/// <param name="Request">The request's sequence on the incident, for a request's reminder.</param>
public sealed record ReminderResponse(
    long Id, string IncidentId, string OrganisationId, string Subject, string? Regime, string? Stage, int? Request, string Kind,
    string? Lead, DateTimeOffset DueAt, DateTimeOffset RaisedAt);

public sealed record ReminderList(IReadOnlyList<ReminderResponse> Items);

/// <summary>Reminders before and after due times, raised in the background; listed until notifications deliver them.</summary>
public static class RemindersFeature
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<ReminderRaiser>();
        return services;
    }

    public static IEndpointRouteBuilder MapReminders(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reminders", ListAsync).RequireAuthorization(Policies.CaseReaders).WithTags("Reminders")
            .WithName("ListReminders").WithSummary("Reminders raised for due times, newest first (a reporter sees its organisation's)");
        return app;
    }

    private static async Task<Results<Ok<ReminderList>, ProblemHttpResult>> ListAsync(
        [FromQuery(Name = "incident")] string? incident, [FromQuery(Name = "limit")] int? limit, ClaimsPrincipal user, VigilDbContext db,
        CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 500)
        {
            return Problems.InvalidParameters([("limit", "must be from 1 to 500")]);
        }
        var reminders = db.Reminders.AsNoTracking();
        if (user.Role() == Roles.Reporter)
        {
            var organisation = user.OrganisationId();
            reminders = reminders.Where(r => r.OrganisationId == organisation);
        }
        if (incident is not null)
        {
            reminders = reminders.Where(r => r.IncidentId == incident);
        }
        var rows = await reminders.OrderByDescending(r => r.RaisedAt).ThenByDescending(r => r.Id).Take(limit ?? 100).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ReminderList([.. rows.Select(r => new ReminderResponse(r.Id, r.IncidentId, r.OrganisationId, r.Subject,
            r.RegimeId, r.StageId, r.RequestSequence, r.Kind, r.LeadSeconds == 0 ? null : Vigil.Domain.Json.IsoDuration.Format(TimeSpan.FromSeconds(r.LeadSeconds)),
            r.DueAt, r.RaisedAt))]));
    }
}
