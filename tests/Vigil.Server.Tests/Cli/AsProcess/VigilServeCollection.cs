using System.Text.Json.Nodes;

namespace Vigil.Server.Tests.Cli.AsProcess;

/// <summary>The filed report: the run, its JSON answer, the incident, the report file and the receipt saved beside it.</summary>
public sealed record FiledReport(CliRun Run, JsonNode Answer, string IncidentId, string ReportFile, string ReceiptFile);

[CollectionDefinition(Name)]
public sealed class VigilServeCollection : ICollectionFixture<VigilServeProcess>
{
    public const string Name = "vigil serve as a process";
}
