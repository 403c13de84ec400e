using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Cli;

/// <summary>
/// JSON inside the CLI's summaries, written as people read it: <c>users'</c> and <c>+05:30</c>, not <c>users\u0027</c>
/// and <c>\u002B05:30</c>. The server's escaping guards HTML; a terminal needs none (--json keeps the server's bytes).
/// </summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode? node) => node?.ToJsonString(Readable) ?? "null";
}
