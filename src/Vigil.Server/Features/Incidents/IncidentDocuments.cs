using System.ComponentModel;

namespace Vigil.Server.Features.Incidents;

// The shapes below describe the API for people and tools (OpenAPI). The server does not bind them: it reads each
// body strictly through Vigil.Domain's SubmissionReader, which names every bad field. Any optional field except
// tlp and regimes may instead be given as {"unknown": "<reason>"}.

[Description("A first incident report. Optional fields may be declared {\"unknown\": \"<reason>\"}.")]
public sealed record IncidentReportDocument(
    [property: Description("At most 300 characters.")] string Title,
    [property: Description("A category code from GET /api/v1/categories.")] string Category,
    string Description,
    [property: Description("ISO 8601 with offset; when the organisation noticed the incident.")] DateTimeOffset DetectedAt,
    DateTimeOffset? OccurredAt = null,
    IReadOnlyList<AffectedSystemDocument>? AffectedSystems = null,
    bool? CriticalSystemsAffected = null,
    AffectedUsersDocument? AffectedUsers = null,
    IReadOnlyList<IndicatorDocument>? Indicators = null,
    string? Symptoms = null,
    [property: Description("Actions and mitigation taken.")] string? ActionsTaken = null,
    [property: Description("Security systems deployed.")] string? SecuritySystems = null,
    IReadOnlyList<AgencyDocument>? AgenciesNotified = null,
    ContactDocument? PointOfContact = null,
    [property: Description("CLEAR, GREEN, AMBER (default), AMBER+STRICT or RED.")] string? Tlp = null,
    [property: Description("Ids of the reporting regimes this report is filed under.")] IReadOnlyList<string>? Regimes = null,
    DateTimeOffset? ClassifiedMajorAt = null,
    DateTimeOffset? MaterialityDeterminedAt = null,
    DateTimeOffset? RansomPaidAt = null,
    DateTimeOffset? FixAvailableAt = null,
    DateTimeOffset? NewInformationAt = null,
    [property: Description("Why a notice is late (GDPR Art. 33(1)).")] string? DelayReason = null,
    [property: Description("The regime stages this submission is filed as; [] files none.")] IReadOnlyList<StageFilingDocument>? FiledAs = null);

[Description("A follow-up: any subset of the report's fields (each replaces the field's value) and a narrative.")]
public sealed record IncidentUpdateDocument(
    string Narrative,
    string? Title = null,
    string? Category = null,
    string? Description = null,
    DateTimeOffset? DetectedAt = null,
    DateTimeOffset? OccurredAt = null,
    IReadOnlyList<AffectedSystemDocument>? AffectedSystems = null,
    bool? CriticalSystemsAffected = null,
    AffectedUsersDocument? AffectedUsers = null,
    IReadOnlyList<IndicatorDocument>? Indicators = null,
    string? Symptoms = null,
    string? ActionsTaken = null,
    string? SecuritySystems = null,
    IReadOnlyList<AgencyDocument>? AgenciesNotified = null,
    ContactDocument? PointOfContact = null,
    string? Tlp = null,
    IReadOnlyList<string>? Regimes = null,
    DateTimeOffset? ClassifiedMajorAt = null,
    DateTimeOffset? MaterialityDeterminedAt = null,
    DateTimeOffset? RansomPaidAt = null,
    DateTimeOffset? FixAvailableAt = null,
    DateTimeOffset? NewInformationAt = null,
    string? DelayReason = null,
    IReadOnlyList<StageFilingDocument>? FiledAs = null,
    [property: Description("The sequence of the request for information this update answers.")] int? AnswersRequest = null);

public sealed record StageFilingDocument(string Regime, string Stage);

public sealed record AffectedSystemDocument(string Product, string? Vendor = null, string? Version = null);

[Description("The breakdown by country may not add up to more than the total.")]
public sealed record AffectedUsersDocument(long Total, DateTimeOffset AsOf, IReadOnlyList<CountryCountDocument>? ByCountry = null);

public sealed record CountryCountDocument(
    [property: Description("ISO 3166-1 alpha-2.")] string Country, long Count, DateTimeOffset AsOf);

public sealed record IndicatorDocument(
    [property: Description("domain, url, ipv4, ipv6, email, md5, sha1, sha256, sha512, file_name, process_name or app_id.")] string Type,
    string Value,
    string? Description = null);

public sealed record AgencyDocument(string Name, DateTimeOffset? NotifiedAt = null, string? Reference = null);

public sealed record ContactDocument(string Name, string Email, string? Role = null, string? Phone = null);
