namespace Vigil.Server.Features.Incidents;

/// <summary>What a submission did to an incident.</summary>
public static class SubmissionKind
{
    public const string Report = "report";
    public const string Update = "update";
    public const string Status = "status";
    public const string Assignment = "assignment";
}
