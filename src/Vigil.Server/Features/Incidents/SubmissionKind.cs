using Vigil.Domain.Incidents;

namespace Vigil.Server.Features.Incidents;

/// <summary>What a submission did to an incident (the names are Vigil.Domain's).</summary>
public static class SubmissionKind
{
    public const string Report = SubmissionKinds.Report;
    public const string Update = SubmissionKinds.Update;
    public const string Status = SubmissionKinds.Status;
    public const string Assignment = SubmissionKinds.Assignment;
    public const string Request = SubmissionKinds.Request;
}
