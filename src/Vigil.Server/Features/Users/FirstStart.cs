using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Features.Users;

/// <summary>Section "FirstStart": who the first administrator is.</summary>
public sealed class FirstStartOptions
{
    public const string Section = "FirstStart";

    /// <summary>Creates the first admin on an empty database. Off, the operator runs `vigil admin init` instead.</summary>
    public bool CreateAdmin { get; set; } = true;

    [Required, EmailAddress]
    public string AdminEmail { get; set; } = "admin@vigil.local";
}

/// <summary>
/// On an empty database: creates the first administrator and prints a one-time bootstrap token to the console.
/// Nothing ships with a default password; the token is printed once and stored only as a digest.
/// </summary>
public sealed class FirstStart(IServiceProvider services, IOptions<FirstStartOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.CreateAdmin)
        {
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAccounts>().InitialiseAsync(options.Value.AdminEmail, cancellationToken);
        if (created is { } first)
        {
            // Printed to the console on purpose and never logged: log sinks keep copies, a console is seen once.
            await Console.Out.WriteLineAsync(BootstrapMessage(first.Admin.Email, first.Token, first.ExpiresAt));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static string BootstrapMessage(string email, string token, DateTimeOffset expiresAt) => $"""

        Vigil created the first administrator, {email}.
        Its bootstrap API token is shown this once; keep it safe:

            {token}

        Use it as 'Authorization: Bearer <token>' to create organisations, users and their tokens.
        It works until {expiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC, and stops as soon as another enabled
        administrator can sign in (has a password or a token of its own): create that administrator first.

        """;
}
