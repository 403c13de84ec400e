using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Validation;

namespace Vigil.Server.Features.Users;

/// <summary>
/// The account page's forms made into the bodies the API's readers take, so that a page refuses exactly what the
/// API refuses, and each problem named by JSON pointer goes beside the box it came from.
/// </summary>
public static class AccountForms
{
    /// <summary><c>{name, expires_at}</c>: the expiry date typed (a date box) is the end of that day in the reader's zone.</summary>
    public static JsonElement TokenBody(string? name, string? expiresOn, TimeZoneInfo zone)
    {
        var body = new JsonObject { ["name"] = name ?? "" };
        if (expiresOn is { Length: > 0 })
        {
            body["expires_at"] = DateOnly.TryParseExact(expiresOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? EndOf(day, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
                : expiresOn;
        }
        return JsonSerializer.SerializeToElement(body);
    }

    public static JsonElement PasswordBody(string? current, string? replacement) =>
        JsonSerializer.SerializeToElement(new JsonObject { ["current_password"] = current ?? "", ["new_password"] = replacement ?? "" });

    /// <summary>The box a problem belongs beside: the member its pointer names.</summary>
    public static string BoxOf(FieldError error) => error.Pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

    /// <summary>Midnight at the end of <paramref name="day"/> in <paramref name="zone"/>.</summary>
    private static DateTimeOffset EndOf(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
