using System.Net;
using System.Net.Sockets;
using Vigil.Cli;

namespace Vigil.Server.Tests.Cli;

/// <summary>A server that accepts a connection and never answers: the CLI gives up after VIGIL_TIMEOUT with a reason, not a crash.</summary>
public sealed class ServerTimeoutTests : IDisposable
{
    private readonly TcpListener _silent = new(IPAddress.Loopback, 0);
    private readonly System.Collections.Concurrent.ConcurrentBag<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();

    public ServerTimeoutTests()
    {
        _silent.Start();
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                // Accept and hold every connection without reading or writing a byte.
                _held.Add(await _silent.AcceptTcpClientAsync(_stop.Token));
            }
        });
    }

    private string Address => $"http://127.0.0.1:{((IPEndPoint)_silent.LocalEndpoint).Port}/";

    [Fact]
    public async Task A_server_that_does_not_answer_ends_the_wait_with_exit_3_and_says_so()
    {
        var run = await CliRun.ProcessAsync(
            new Dictionary<string, string> { ["VIGIL_SERVER"] = Address, ["VIGIL_TOKEN"] = "vgl_x", ["VIGIL_TIMEOUT"] = "1.5" },
            "advisory", "follow", "https://provider.example/.well-known/csaf/provider-metadata.json");

        Assert.True(run.ExitCode == ExitCodes.Unavailable, run.ToString());
        Assert.Contains("did not answer within 1.5 s", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("soon")]
    public async Task A_timeout_that_is_not_a_positive_number_of_seconds_is_a_usage_error(string timeout)
    {
        var run = await CliRun.ProcessAsync(
            new Dictionary<string, string> { ["VIGIL_SERVER"] = Address, ["VIGIL_TIMEOUT"] = timeout }, "report", "show", "VIG-1");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains($"The timeout '{timeout}'", run.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _silent.Stop();
        foreach (var client in _held) { client.Dispose(); }
        _stop.Dispose();
    }
}
