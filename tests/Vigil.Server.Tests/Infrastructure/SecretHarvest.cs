using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>
/// Learns, from the traffic of every test server, each secret the tests use: bearer tokens and session cookies sent,
/// passwords, codes and tokens in request bodies and forms, and tokens, codes and second-factor secrets in answers.
/// They go to <see cref="RunLog"/>, whose log is then searched for them.
/// </summary>
public sealed class SecretHarvest : IStartupFilter
{
    private static readonly HashSet<string> SecretFields = new(StringComparer.Ordinal)
    {
        "password", "new_password", "current_password", "code", "token", "secret", "otpauth_uri",
    };

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            await HarvestRequestAsync(context.Request);
            var original = context.Response.Body;
            using var copy = new MemoryStream();
            context.Response.Body = copy;
            try
            {
                await following(context);
            }
            finally
            {
                context.Response.Body = original;
                copy.Position = 0;
                Harvest(context.Response.ContentType, copy.ToArray());
                copy.Position = 0;
                await copy.CopyToAsync(original);
            }
        });
        next(app);
    };

    private static async Task HarvestRequestAsync(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            RunLog.AddSecret(authorization["Bearer ".Length..].Trim());
        }
        foreach (var cookie in request.Cookies)
        {
            RunLog.AddSecret(cookie.Value);
        }
        if (request.ContentLength is > 0 and < 1_000_000)
        {
            // Read as bytes and put back, so that the server reads (and refuses) exactly what was sent.
            request.EnableBuffering();
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            request.Body.Position = 0;
            if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                var fields = QueryHelpers.ParseNullableQuery(Encoding.UTF8.GetString(buffer.ToArray())) ?? [];
                foreach (var field in fields.Where(f => SecretFields.Contains(f.Key)))
                {
                    RunLog.AddSecret(field.Value.ToString());
                }
            }
            else
            {
                Harvest(request.ContentType, buffer.ToArray());
            }
        }
    }

    private static void Harvest(string? contentType, byte[] body)
    {
        if (contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true || body.Length is 0 or > 1_000_000)
        {
            return;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            Walk(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not readable JSON (a malformed body a test sent on purpose): nothing to learn from it.
        }
    }

    /// <summary>A "code" is a secret when it is a reset code (random letters and digits), not a category's code word.</summary>
    private static bool LooksRandom(string value) => value.Length >= 16 && value.Any(char.IsDigit) && value.Any(char.IsLetter);

    private static void Walk(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (SecretFields.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.String
                    && (property.Name != "code" || LooksRandom(property.Value.GetString()!)))
                {
                    RunLog.AddSecret(property.Value.GetString());
                }
                Walk(property.Value);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item);
            }
        }
    }
}
