using System.Diagnostics;
using System.Net;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Web.Walk;

namespace Vigil.Server.Tests.Features.Platform;

/// <summary>The server as its own process on a given data directory, which it keeps (a restart starts on it again).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class StartingServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Uri _address;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private StartingServer(Process process, Uri address)
    {
        _process = process;
        _address = address;
    }

    public string Printed => string.Join('\n', _output);

    /// <summary>Every line printed so far, in order.</summary>
    public IReadOnlyList<string> Lines => [.. _output];

    public static StartingServer Start(string dataDirectory, params string[] arguments)
    {
        var address = ServerProcess.NewAddress();
        var start = ServerProcess.StartInfo(address, dataDirectory, [.. FirstStartTests.RealSettings, .. arguments]);
        var server = new StartingServer(new Process { StartInfo = start }, address);
        server._process.OutputDataReceived += (_, line) => server.Read(line.Data);
        server._process.ErrorDataReceived += (_, line) => server.Read(line.Data);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    public async Task<bool> HealthyWithinAsync(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(2) };
        var until = Stopwatch.StartNew();
        while (until.Elapsed < limit && !_process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        return false;
    }

    public async Task<int?> ExitCodeWithinAsync(TimeSpan limit)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(limit);
            return _process.ExitCode;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>SIGKILL: nothing of the process runs after it.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    private void Read(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
            RunLog.Write("server process: " + line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
