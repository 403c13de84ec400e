namespace Vigil.Domain.Incidents;

/// <summary>What a submission did to an incident.</summary>
public static class SubmissionKinds
{
    public const string Report = "report";
    public const string Update = "update";
    public const string Status = "status";
    public const string Assignment = "assignment";

    /// <summary>The authority asks for information by a due time; it sets no field of the incident.</summary>
    public const string Request = "request";

    /// <summary>Reports and updates come from the reporting organisation and can meet a regime's stages.</summary>
    public static bool IsFiling(string kind) => kind is Report or Update;
}
