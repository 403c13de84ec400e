namespace Vigil.Domain.Regimes;

public enum ClockStartKind
{
    /// <summary>A named clock event of the incident, such as <c>noticed</c>.</summary>
    Event,

    /// <summary>The first filing of an earlier stage.</summary>
    StageFiled,

    /// <summary>The latest filing of an earlier stage (DORA's final report runs from the last intermediate report).</summary>
    StageLastFiled,

    /// <summary>A request from the authority, which also sets the due time.</summary>
    Request,
}

/// <summary>What starts a stage's clock. <see cref="Name"/> is the event or the earlier stage's id.</summary>
public sealed record ClockStart(ClockStartKind Kind, string? Name)
{
    public static ClockStart OnEvent(string name) => new(ClockStartKind.Event, name);

    public static ClockStart AfterStage(string stageId, bool latestFiling = false) =>
        new(latestFiling ? ClockStartKind.StageLastFiled : ClockStartKind.StageFiled, stageId);

    public static readonly ClockStart OnRequest = new(ClockStartKind.Request, null);

    /// <summary>Says what the clock waits for, for a stage whose clock has not started.</summary>
    public string Describe() => Kind switch
    {
        ClockStartKind.Event => Name!,
        ClockStartKind.StageFiled => $"stage {Name} filed",
        ClockStartKind.StageLastFiled => $"stage {Name} filed (latest filing)",
        _ => "a request from the authority",
    };
}
