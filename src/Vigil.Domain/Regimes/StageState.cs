namespace Vigil.Domain.Regimes;

public enum StageState
{
    /// <summary>The clock has not started: its event, earlier stage or request is not there yet.</summary>
    NotStarted,
    Pending,

    /// <summary>Unmet and due within <see cref="RegimeEvaluator.DueSoonWindow"/>.</summary>
    DueSoon,
    Overdue,
    MetOnTime,
    MetLate,
}

public enum RequestState
{
    Open,
    AnsweredOnTime,
    AnsweredLate,
    Overdue,
}

/// <summary>The wire names of the states (snake_case, as the API and CLI print them).</summary>
public static class StateNames
{
    public static string Of(StageState state) => state switch
    {
        StageState.NotStarted => "not_started",
        StageState.Pending => "pending",
        StageState.DueSoon => "due_soon",
        StageState.Overdue => "overdue",
        StageState.MetOnTime => "met_on_time",
        _ => "met_late",
    };

    public static string Of(RequestState state) => state switch
    {
        RequestState.Open => "open",
        RequestState.AnsweredOnTime => "answered_on_time",
        RequestState.AnsweredLate => "answered_late",
        _ => "overdue",
    };
}
