using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Web.Walk;

/// <summary>
/// Vigil as an operator starts it: its own process (`dotnet Vigil.Server.dll`), a fresh data directory with its SQLite
/// file, the first start's bootstrap token read from what it prints. Its output goes to the run's log (which is
/// searched for secrets), all but the one line that shows the bootstrap token, as the console is meant to.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _bootstrapToken = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, Uri address, string dataDirectory)
    {
        _process = process;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public Uri Address { get; }

    public string DataDirectory { get; }

    public static Task<ServerProcess> StartAsync(params string[] arguments) =>
        StartAsync(Directory.CreateTempSubdirectory("vigil-process-").FullName, start => start, arguments);

    /// <summary>
    /// On <paramref name="dataDirectory"/> (which it deletes when disposed), its start passed through
    /// <paramref name="through"/> first: run by another program, e.g. in a namespace where the directory is a small filesystem.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, Func<ProcessStartInfo, ProcessStartInfo> through, params string[] arguments)
    {
        var address = NewAddress();
        var start = through(StartInfo(address, dataDirectory, arguments));
        var server = new ServerProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, address, dataDirectory);
        server._process.OutputDataReceived += (_, line) => server.Read(line.Data);
        server._process.ErrorDataReceived += (_, line) => server.Read(line.Data);
        server._process.Exited += (_, _) => server._listening.TrySetException(new InvalidOperationException("The server process ended while starting."));
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await server.WaitUntilAnsweringAsync();
        return server;
    }

    /// <summary>The token the first start printed for the first administrator.</summary>
    public Task<string> BootstrapTokenAsync() => _bootstrapToken.Task.WaitAsync(TimeSpan.FromMinutes(1));

    /// <summary>Every line the process printed so far, but the bootstrap token's.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Waits (a few seconds at most) until a printed line satisfies <paramref name="match"/>; the output is read as it comes.</summary>
    public async Task<bool> PrintedAsync(Func<string, bool> match)
    {
        for (var tries = 0; tries < 100 && !_output.Any(match); tries++)
        {
            await Task.Delay(100);
        }
        return _output.Any(match);
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }
        var trimmed = line.Trim();
        if (trimmed.StartsWith(ApiTokens.Marker, StringComparison.Ordinal) && !trimmed.Contains(' ', StringComparison.Ordinal))
        {
            _bootstrapToken.TrySetResult(trimmed);
            return;
        }
        _output.Enqueue(line);
        RunLog.Write("server process: " + line);
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            if (_listening.Task.IsFaulted)
            {
                await _listening.Task;
            }
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            // Refused while it starts, or slow to answer on a loaded machine: ask again until the limit.
            catch (Exception e) when ((e is HttpRequestException or TaskCanceledException) && DateTime.UtcNow < until)
            {
            }
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("The server process did not answer /healthz within two minutes.");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>The built server on <paramref name="address"/> and <paramref name="dataDirectory"/>, run as in production, its output redirected.</summary>
    public static ProcessStartInfo StartInfo(Uri address, string dataDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "Vigil.Server.dll"), "--urls", address.ToString().TrimEnd('/'),
            $"--Storage:DataDirectory={dataDirectory}", $"--Regimes:Directory={RepositoryPaths.File("regimes")}",
            .. VigilFactory.GenerousRateLimitArguments, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return start;
    }

    /// <summary>A loopback address on a port free at this moment.</summary>
    public static Uri NewAddress() => new($"http://127.0.0.1:{FreePort()}");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
        // The log's key directory, made beside the data directory.
        if (Directory.Exists(DataDirectory + "-keys"))
        {
            Directory.Delete(DataDirectory + "-keys", recursive: true);
        }
    }
}
