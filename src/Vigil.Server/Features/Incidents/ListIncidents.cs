using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Incidents;
using Vigil.Domain.Validation;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Incidents;

/// <summary>GET /api/v1/incidents: filtered, newest first, a page at a time (keyset cursor, stable under inserts).</summary>
public static class ListIncidents
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public sealed record Query(
        [property: FromQuery(Name = "status")] string? Status,
        [property: FromQuery(Name = "category")] string? Category,
        [property: FromQuery(Name = "organisation")] string? Organisation,
        [property: FromQuery(Name = "detected_from")] string? DetectedFrom,
        [property: FromQuery(Name = "detected_to")] string? DetectedTo,
        [property: FromQuery(Name = "received_from")] string? ReceivedFrom,
        [property: FromQuery(Name = "received_to")] string? ReceivedTo,
        [property: FromQuery(Name = "q")] string? Q,
        [property: FromQuery(Name = "limit")] int? Limit,
        [property: FromQuery(Name = "cursor")] string? Cursor);

    public static async Task<Results<Ok<IncidentPage>, ProblemHttpResult>> Handle(
        [AsParameters] Query query, ClaimsPrincipal user, VigilDbContext db, CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        var incidents = db.Incidents.AsNoTracking();
        if (query.Status is { } status)
        {
            if (!IncidentStatus.IsValid(status)) errors.Add(("status", $"'{status}' is not a status; expected one of: {string.Join(", ", IncidentStatus.All)}"));
            incidents = incidents.Where(i => i.Status == status);
        }
        if (query.Category is { } category)
        {
            if (IncidentCategory.Find(category) is null) errors.Add(("category", $"'{category}' is not a category code"));
            incidents = incidents.Where(i => i.Category == category);
        }
        if (query.Organisation is { } organisation)
        {
            incidents = incidents.Where(i => i.OrganisationId == organisation);
        }
        if (Time(query.DetectedFrom, "detected_from", errors) is { } detectedFrom) incidents = incidents.Where(i => i.DetectedAt >= detectedFrom);
        if (Time(query.DetectedTo, "detected_to", errors) is { } detectedTo) incidents = incidents.Where(i => i.DetectedAt < detectedTo);
        if (Time(query.ReceivedFrom, "received_from", errors) is { } receivedFrom) incidents = incidents.Where(i => i.ReceivedAt >= receivedFrom);
        if (Time(query.ReceivedTo, "received_to", errors) is { } receivedTo) incidents = incidents.Where(i => i.ReceivedAt < receivedTo);
        if (query.Q is { } text)
        {
            if (text.Length is 0 or > 200) errors.Add(("q", "must be 1 to 200 characters"));
            var needle = text.ToLowerInvariant();
            incidents = incidents.Where(i => i.Title.ToLower().Contains(needle) || i.Description.ToLower().Contains(needle));
        }
        var limit = query.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit) errors.Add(("limit", $"must be from 1 to {MaxLimit}"));
        if (query.Cursor is { } cursor)
        {
            if (Cursor.TryDecode(cursor, out var after, out var afterId))
            {
                incidents = incidents.Where(i => i.ReceivedAt < after || (i.ReceivedAt == after && string.Compare(i.Id, afterId) < 0));
            }
            else
            {
                errors.Add(("cursor", "is not a cursor this server issued"));
            }
        }
        if (errors.Count > 0)
        {
            return Problems.InvalidParameters(errors);
        }

        var rows = await incidents.OrderByDescending(i => i.ReceivedAt).ThenByDescending(i => i.Id).Take(limit + 1)
            .Select(i => new IncidentSummary(i.Id, i.OrganisationId, i.Title, i.Category, i.Status, i.Tlp, i.AssigneeId, i.DetectedAt, i.ReceivedAt, i.UpdatedAt))
            .ToListAsync(cancellationToken);
        var next = rows.Count > limit ? Cursor.Encode(rows[limit - 1]) : null;
        return TypedResults.Ok(new IncidentPage(rows.Take(limit).ToList(), next));
    }

    private static DateTimeOffset? Time(string? value, string name, List<(string, string)> errors)
    {
        if (value is null)
        {
            return null;
        }
        if (Iso8601.TryParse(value, out var parsed))
        {
            return parsed.ToUniversalTime();
        }
        errors.Add((name, $"'{value}' is not an ISO 8601 date-time with an offset, such as {Iso8601.Example}"));
        return null;
    }

    /// <summary>The position after the last row of a page: its received time and id.</summary>
    private static class Cursor
    {
        public static string Encode(IncidentSummary last) =>
            WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{last.ReceivedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{last.Id}"));

        public static bool TryDecode(string cursor, out DateTimeOffset after, out string afterId)
        {
            after = default;
            afterId = "";
            try
            {
                var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor)).Split('|');
                if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                    || ticks > DateTimeOffset.MaxValue.UtcTicks)
                {
                    return false;
                }
                after = new DateTimeOffset(ticks, TimeSpan.Zero);
                afterId = parts[1];
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
