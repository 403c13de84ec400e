using System.Globalization;
using System.Text;
using Vigil.Domain.Regimes.Figures;

namespace Vigil.Server.Features.Compliance;

/// <summary>
/// One organisation under one regime: figures only, never content. Delays are hours (two decimals), rates are
/// fractions from 0 to 1; null where there is nothing to measure.
/// </summary>
public sealed record ComplianceRow(
    string OrganisationId, string Organisation, string Regime, int Incidents, int Deadlines, int MetOnTime, double? OnTimeRate,
    double? MedianHoursToFirstReport, double? P90HoursToFirstReport, double? CompletenessAtFirstReport, double? CompletenessNow,
    int Requests, int RequestsAnsweredOnTime, int RequestsAnsweredLate, int RequestsOverdue, int RequestsOpen)
{
    public static ComplianceRow From(string organisationId, string organisation, string regime, ComplianceFigures f) => new(
        organisationId, organisation, regime, f.Incidents, f.Deadlines, f.MetOnTime, Round(f.OnTimeRate, 4),
        Round(f.MedianDelayToFirstReport?.TotalHours, 2), Round(f.P90DelayToFirstReport?.TotalHours, 2),
        Round(f.CompletenessAtFirstReport, 4), Round(f.CompletenessNow, 4),
        f.Requests.Total, f.Requests.AnsweredOnTime, f.Requests.AnsweredLate, f.Requests.Overdue, f.Requests.Open);

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;

    public const string CsvHeader = "organisation_id,organisation,regime,incidents,deadlines,met_on_time,on_time_rate,"
        + "median_hours_to_first_report,p90_hours_to_first_report,completeness_at_first_report,completeness_now,"
        + "requests,requests_answered_on_time,requests_answered_late,requests_overdue,requests_open";

    public string ToCsv() => string.Join(',',
        Cell(OrganisationId), Cell(Organisation), Cell(Regime), Number(Incidents), Number(Deadlines), Number(MetOnTime), Number(OnTimeRate),
        Number(MedianHoursToFirstReport), Number(P90HoursToFirstReport), Number(CompletenessAtFirstReport), Number(CompletenessNow),
        Number(Requests), Number(RequestsAnsweredOnTime), Number(RequestsAnsweredLate), Number(RequestsOverdue), Number(RequestsOpen));

    public static string Csv(IEnumerable<ComplianceRow> rows)
    {
        var text = new StringBuilder(CsvHeader).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(row.ToCsv()).Append("\r\n");
        }
        return text.ToString();
    }

    private static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Cell(string value) => CsvCells.Cell(value);
}

public sealed record ComplianceReport(DateTimeOffset EvaluatedAt, DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<ComplianceRow> Rows);
