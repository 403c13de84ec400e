using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Vigil.Server.Tests.Security;

/// <summary>Who calls a write endpoint in the malformed-body test: nobody, a role's bearer token, or the reporter's page session.</summary>
public sealed record FuzzTarget(RouteEntry Route, string Path, SampleBody? Sample, IReadOnlyList<string> Callers)
{
    public const string Anonymous = "anonymous";
    public const string Session = "session";

    public bool IsForm => WriteEndpoints.IsForm(Route);
}

/// <summary>One generated request: what was broken, the bytes, and how they were sent.</summary>
public sealed record FuzzCase(FuzzTarget Target, string Kind, byte[] Body, string? ContentType, string? Origin, string? IdempotencyKey, string Caller)
{
    public override string ToString()
    {
        var shown = new StringBuilder();
        foreach (var b in Body.Take(300))
        {
            shown.Append(b is >= 0x20 and < 0x7F ? (char)b : $"\\x{b:X2}");
        }
        return $"{Target.Route} as {Caller}, {Kind}, Content-Type {ContentType ?? "(none)"}, Origin {Origin ?? "(none)"}, " +
            $"Idempotency-Key {IdempotencyKey ?? "(none)"}, {Body.Length} bytes: {shown}{(Body.Length > 300 ? "..." : "")}";
    }
}

/// <summary>
/// Request bodies that no endpoint may accept, each made from a body the endpoint would take: cut short, with invalid
/// UTF-8 or a lone surrogate in a string, a number beyond a double or not a JSON number, a known field of the wrong
/// type, a member the endpoint does not know (strict endpoints), a duplicate member, nesting past every limit,
/// comments or trailing commas, the wrong content type, the wrong root, garbage, or too many bytes.
/// </summary>
public static class MalformedRequests
{
    private const string Json = "application/json";

    /// <summary>Larger than every endpoint's limit (16 MiB for SBOMs, CSAF and STIX); shared, as it is only ever read.</summary>
    private static readonly byte[] Oversized = [.. "{\"a\":\""u8, .. Enumerable.Repeat((byte)'x', (16 * 1024 * 1024) + 16), .. "\"}"u8];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE], [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC3, 0x28], [0xE2, 0x82, 0x28], [0xE2, 0x82],
    ];

    private static readonly string[] NotJsonNumbers = ["NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10", "1e", "--1", "1_000", "- 1", "1e+"];

    private static readonly string[] NotJsonTypes = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/octet-stream", "text/json", "text/html"];

    private static readonly string[] WrongRoots = ["[]", "[{}]", "\"text\"", "1", "null", "true", "{}x"];

    private static readonly string[] AnyValue = ["1", "\"x\"", "[]", "{}", "null", "true", "[1,\"2\"]"];

    public static Gen<FuzzCase> For(FuzzTarget target)
    {
        var bodies = target.IsForm ? FormBodies(target.Sample!) : JsonBodies(target.Sample!);
        var keys = Gen.Frequency((5, Gen.Const((string?)null)), (4, Gen.Guid.Select(g => (string?)g.ToString())),
            (1, Gen.OneOf<string?>("has spaces", new string('k', 300), "ключ")));
        return Gen.Select(bodies, keys, Gen.OneOf([.. target.Callers]))
            .Select((body, key, caller) => new FuzzCase(target, body.Kind, body.Bytes, body.ContentType, body.Origin, key, caller));
    }

    private sealed record Broken(string Kind, byte[] Bytes, string? ContentType = Json, string? Origin = null);

    private static Gen<Broken> JsonBodies(SampleBody sample)
    {
        var json = sample.Json;
        var members = JsonNode.Parse(json)!.AsObject().Select(m => (m.Key, Kind: m.Value?.GetValueKind(), Raw: m.Value?.ToJsonString() ?? "null")).ToArray();
        var stringStarts = StringStarts(json);
        var memberIndex = Gen.Int[0, members.Length - 1];
        return Choose(
            (300, Gen.Int[0, json.Length - 1].Select(n => new Broken("cut short", json[..n]))),
            (300, Gen.Select(Gen.OneOf(stringStarts), Gen.OneOf(InvalidUtf8)).Select((at, bad) => new Broken("invalid UTF-8 in a string", Insert(json, at, bad)))),
            (300, Gen.Select(Gen.OneOf(stringStarts), Gen.Int[0xD800, 0xDFFF]).Select((at, unit) =>
                new Broken("a lone surrogate in a string", Insert(json, at, Encoding.ASCII.GetBytes($"\\u{unit:x4}{(unit < 0xDC00 ? "x" : "")}"))))),
            (300, BeyondADouble.Select(n => new Broken("a number beyond a double", WithMember(json, "\"n\":" + n)))),
            (150, Gen.OneOf(NotJsonNumbers).Select(n => new Broken("not a JSON number", WithMember(json, "\"n\":" + n)))),
            (300, Gen.Select(memberIndex, Gen.Int[0, 3]).Select((m, w) => new Broken("a known field of the wrong type", WrongType(json, members[m].Key, members[m].Kind, w)))),
            (sample.Strict ? 300 : 0, Gen.Select(Gen.Char['a', 'z'].Array[1, 12], Gen.OneOf(AnyValue))
                .Select((name, value) => new Broken("an unknown member", WithMember(json, $"\"zz_{new string(name)}\":{value}")))),
            (200, Gen.Select(memberIndex, Gen.Bool).Select((m, escaped) => new Broken("a duplicate member", Duplicate(json, members[m].Key, members[m].Raw, escaped)))),
            (150, Gen.Select(Gen.Int[129, 3000], Gen.Bool).Select((depth, arrays) => new Broken("nesting too deep", WithMember(json, "\"deep\":" + Nest(depth, arrays))))),
            (150, Gen.OneOf<string?>([null, .. NotJsonTypes]).Select(type => new Broken("not sent as JSON", json, type))),
            (100, Gen.OneOf("/* note */", "// note\n").Select(comment => new Broken("a comment", Insert(json, 1, Encoding.ASCII.GetBytes(comment))))),
            (100, Gen.Const(new Broken("a trailing comma", Insert(json, json.Length - 1, ","u8.ToArray())))),
            (100, Gen.OneOf("x", "}", "{}", "]", " 1").Select(tail => new Broken("something after the value", [.. json, .. Encoding.ASCII.GetBytes(tail)]))),
            (100, Gen.Const(new Broken("a bracket that does not match", [.. json[..^1], (byte)']']))),
            (sample.Strict ? 100 : 0, Gen.OneOf(WrongRoots).Select(r => new Broken("the wrong root", Encoding.ASCII.GetBytes(r)))),
            (150, Gen.Select(Gen.OneOf("}", "]", ",", ":", "\0", "\u00e9", "'"), Gen.Char.AlphaNumeric.Array[0, 200])
                .Select((start, rest) => new Broken("garbage", Encoding.UTF8.GetBytes(start + new string(rest))))),
            (1, Gen.Const(new Broken("too large", Oversized))));
    }

    private static Gen<Broken> FormBodies(SampleBody sample)
    {
        var form = "token=vgl_not-a-token&csrf=forged"u8.ToArray();
        var multipart = "--b\r\nContent-Disposition: form-data; name=\"sbom\"; filename=\"sbom.json\"\r\nContent-Type: application/json\r\n\r\n"u8.ToArray();
        byte[] upload = [.. multipart, .. sample.Json];
        const string Here = "http://localhost";
        return Choose(
            (3, Gen.Const(new Broken("a form without an Origin", form, "application/x-www-form-urlencoded"))),
            (3, Gen.Const(new Broken("a form from another site", form, "application/x-www-form-urlencoded", "https://attacker.example"))),
            (3, Gen.Const(new Broken("JSON, not a form", sample.Json, Json, Here))),
            (3, Gen.Int[0, upload.Length].Select(n => new Broken("a multipart body cut short", upload[..n], "multipart/form-data; boundary=b", Here))),
            (2, Gen.Const(new Broken("a multipart body without a boundary", upload, "multipart/form-data", Here))),
            (1, Gen.Const(new Broken("too large", Oversized, "application/x-www-form-urlencoded", Here))));
    }

    private static Gen<string> BeyondADouble => Gen.OneOf(
        Gen.Int[309, 100_000].Select(e => $"1e{e}"),
        Gen.Int[309, 999].Select(e => $"-9.99E+{e}"),
        Gen.Int[310, 700].Select(zeros => "1" + new string('0', zeros)),
        Gen.Const("1e99999999999999999999"));

    // Just after the opening quote of each string and member name: an insertion there never splits an escape.
    private static int[] StringStarts(byte[] json)
    {
        var starts = new List<int>();
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                starts.Add((int)reader.TokenStartIndex + 1);
            }
        }
        return [.. starts];
    }

    private static byte[] Insert(byte[] json, int at, byte[] bytes) => [.. json[..at], .. bytes, .. json[at..]];

    // The root of every sample is an object: a first member goes just after its brace.
    private static byte[] WithMember(byte[] json, string member) => Insert(json, 1, Encoding.UTF8.GetBytes(member + ","));

    private static byte[] WrongType(byte[] json, string name, JsonValueKind? kind, int which)
    {
        string[] wrong = kind switch
        {
            JsonValueKind.String => ["1", "[1]", "{\"x\":1}", "true"],
            JsonValueKind.Number => ["\"1\"", "[]", "{}", "false"],
            JsonValueKind.Array => ["{\"0\":1}", "\"[]\"", "1", "true"],
            JsonValueKind.Object => ["[]", "\"{}\"", "1", "true"],
            _ => ["[]", "{}", "1", "\"x\""],
        };
        var copy = JsonNode.Parse(json)!.AsObject();
        copy[name] = JsonNode.Parse(wrong[which]);
        return Encoding.UTF8.GetBytes(copy.ToJsonString());
    }

    // The name again, plainly or with its first letter escaped (the same name once read).
    private static byte[] Duplicate(byte[] json, string name, string raw, bool escaped)
    {
        var written = escaped ? $"\\u{(int)name[0]:x4}{name[1..]}" : name;
        return WithMember(json, $"\"{written}\":{raw}");
    }

    private static Gen<Broken> Choose(params (int Weight, Gen<Broken> Gen)[] choices) =>
        Gen.Frequency([.. choices.Where(c => c.Weight > 0).Select(c => (c.Weight, (IGen<Broken>)c.Gen))]);

    private static string Nest(int depth, bool arrays) =>
        arrays ? new string('[', depth) + "1" + new string(']', depth) : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
}
