using System.Text.Json;

namespace Vigil.Cli.Connection;

/// <summary>
/// Which server to talk to and with which token: a flag wins over the environment (VIGIL_URL, or its older name VIGIL_SERVER; VIGIL_TOKEN),
/// which wins over the config file (VIGIL_CONFIG, or ~/.config/vigil/config.json: {"server": ..., "token": ...}).
/// How long to wait for an answer: VIGIL_TIMEOUT or the file's "timeout", in seconds (default 60).
/// </summary>
public sealed record ConnectionSettings(Uri Server, string? Token)
{
    public const string DefaultServer = "http://127.0.0.1:5080";

    /// <summary>What every --server option says of itself.</summary>
    public const string ServerOptionHelp = "The Vigil server's URL (else VIGIL_URL, the config file, or http://127.0.0.1:5080).";

    /// <summary>How long a call may wait for the server's answer.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public static ConnectionSettings Resolve(string? serverFlag, string? tokenFlag)
    {
        var file = ReadConfigFile();
        var server = serverFlag ?? Environment.GetEnvironmentVariable("VIGIL_URL") ?? Environment.GetEnvironmentVariable("VIGIL_SERVER") ?? file?.Server ?? DefaultServer;
        var token = tokenFlag ?? Environment.GetEnvironmentVariable("VIGIL_TOKEN") ?? file?.Token;
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"'{server}' is not an http(s) URL of a Vigil server.");
        }
        var timeout = Environment.GetEnvironmentVariable("VIGIL_TIMEOUT") ?? file?.Timeout?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (timeout is null) { return new ConnectionSettings(uri, token); }
        if (!double.TryParse(timeout, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            || seconds is not (> 0 and <= 86_400))
        {
            throw new ArgumentException($"The timeout '{timeout}' is not a number of seconds between 0 and 86400.");
        }
        return new ConnectionSettings(uri, token) { Timeout = TimeSpan.FromSeconds(seconds) };
    }

    private sealed record ConfigFile(string? Server, string? Token, double? Timeout);

    private static ConfigFile? ReadConfigFile()
    {
        var path = Environment.GetEnvironmentVariable("VIGIL_CONFIG")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "vigil", "config.json");
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<ConfigFile>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The config file {path} is not valid JSON: {e.Message}", e);
        }
    }
}
