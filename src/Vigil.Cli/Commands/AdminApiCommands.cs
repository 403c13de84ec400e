using System.CommandLine;
using System.Text.Json.Nodes;
using Vigil.Cli.Connection;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil admin org|user|token ...`: an administrator's work on organisations, users and API tokens, through the
/// server's API (the same checks, the same events on the record as the pages).
/// </summary>
public static class AdminApiCommands
{
    public static Command Organisations(CliOutput io)
    {
        var group = new RemoteGroup("org", "Organisations that must report: list, show, register, change the point of contact.", io);
        var id = new Argument<string>("ID") { Description = "The organisation's id." };
        var file = new Argument<FileInfo>("FILE") { Description = "The body as JSON (see docs/api.md)." };
        group.Add(new Command("list", "Every organisation, by name.\nExample: vigil admin org list"),
            (_, client, ct) => Get(client, "/api/v1/organisations", ct), JsonSummary.Table("id", "name", "sector", "country", "point_of_contact.email"));
        group.Add(new Command("show", "One organisation.\nExample: vigil admin org show ORG-ID") { id },
            (parsed, client, ct) => Get(client, $"/api/v1/organisations/{RemoteGroup.Segment(parsed.GetValue(id)!)}", ct), JsonSummary.FieldsAsync);
        group.Add(new Command("create", "Register an organisation from FILE (name, sector, country, point_of_contact).\nExample: vigil admin org create org.json") { file },
            async (parsed, client, ct) => await group.ReadAsync(parsed, file) is { } body ? await client.PostJsonAsync("/api/v1/organisations", body, null, ct) : null,
            JsonSummary.FieldsAsync);
        var contactFile = new Argument<FileInfo>("FILE") { Description = "The point of contact as JSON (name, role, email, phone)." };
        group.Add(new Command("contact", "Change an organisation's point of contact.\nExample: vigil admin org contact ORG-ID contact.json") { id, contactFile },
            async (parsed, client, ct) => await group.ReadAsync(parsed, contactFile) is { } body
                ? await client.PutJsonAsync($"/api/v1/organisations/{RemoteGroup.Segment(parsed.GetValue(id)!)}/contact", body, ct) : null,
            JsonSummary.FieldsAsync);
        return group.Command;
    }

    public static Command Users(CliOutput io)
    {
        var group = new RemoteGroup("user", "Users: list, show, create, disable, enable, change role, reset a password or second factor, end sessions.", io);
        var id = new Argument<string>("ID") { Description = "The user's id." };
        var file = new Argument<FileInfo>("FILE") { Description = "The user as JSON: email, role, organisation_id, password (optional)." };
        var reason = new Option<string>("--reason") { Description = "Why (kept on the record).", Required = true };
        var organisation = new Option<string?>("--organisation") { Description = "The organisation a reporter belongs to." };
        var role = new Argument<string>("ROLE") { Description = "admin, analyst, reporter or oversight." };
        string UserPath(ParseResult parsed) => $"/api/v1/users/{RemoteGroup.Segment(parsed.GetValue(id)!)}";

        group.Add(new Command("list", "Every user.\nExample: vigil admin user list"),
            (_, client, ct) => Get(client, "/api/v1/users", ct), JsonSummary.Table("id", "email", "role", "organisation_id", "disabled"));
        group.Add(new Command("show", "One user.\nExample: vigil admin user show USER-ID") { id },
            (parsed, client, ct) => Get(client, UserPath(parsed), ct), JsonSummary.FieldsAsync);
        group.Add(new Command("create", "Create a user from FILE.\nExample: vigil admin user create user.json") { file },
            async (parsed, client, ct) => await group.ReadAsync(parsed, file) is { } body ? await client.PostJsonAsync("/api/v1/users", body, null, ct) : null,
            JsonSummary.FieldsAsync);
        group.Add(new Command("disable", "Disable a user: its tokens and sessions stop working at once.\nExample: vigil admin user disable USER-ID --reason \"left\"") { id, reason },
            (parsed, client, ct) => Post(client, UserPath(parsed) + "/disable", new JsonObject { ["reason"] = parsed.GetValue(reason) }, ct), JsonSummary.FieldsAsync);
        group.Add(new Command("enable", "Enable a disabled user again.\nExample: vigil admin user enable USER-ID") { id },
            (parsed, client, ct) => Post(client, UserPath(parsed) + "/enable", [], ct), JsonSummary.FieldsAsync);
        group.Add(new Command("role", "Change a user's role (and organisation).\nExample: vigil admin user role USER-ID reporter --organisation ORG-ID") { id, role, organisation },
            (parsed, client, ct) => client.PutJsonAsync(UserPath(parsed) + "/role",
                new JsonObject { ["role"] = parsed.GetValue(role), ["organisation_id"] = parsed.GetValue(organisation) }.ToJsonString(), ct)!,
            JsonSummary.FieldsAsync);
        group.Add(new Command("reset", "Issue a one-time password reset for a user; its code is shown once.\nExample: vigil admin user reset USER-ID") { id },
            (parsed, client, ct) => Post(client, UserPath(parsed) + "/password-reset", [], ct), JsonSummary.FieldsAsync);
        group.Add(new Command("end-sessions", "End every page session and token of a user, leaving the account enabled.\nExample: vigil admin user end-sessions USER-ID") { id },
            (parsed, client, ct) => Post(client, UserPath(parsed) + "/sessions/end", [], ct), JsonSummary.FieldsAsync);
        group.Add(new Command("reset-totp", "Remove a user's second factor, so that it can enrol again (a lost authenticator).\nExample: vigil admin user reset-totp USER-ID") { id },
            (parsed, client, ct) => client.DeleteAsync(UserPath(parsed) + "/totp", ct)!, JsonSummary.FieldsAsync);
        return group.Command;
    }

    public static Command Tokens(CliOutput io)
    {
        var group = new RemoteGroup("token", "API tokens: issue for a user (shown once), list, revoke.", io);
        var user = new Argument<string>("USER-ID") { Description = "The user's id." };
        var name = new Option<string>("--name") { Description = "What the token is for.", Required = true };
        var expires = new Option<DateTimeOffset?>("--expires") { Description = "When it stops working (ISO 8601 with offset); the server's default otherwise." };
        var id = new Argument<string>("TOKEN-ID") { Description = "The token's id (not its secret)." };
        group.Add(new Command("issue", "Issue a token for a user; the secret is printed this once.\nExample: vigil admin token issue USER-ID --name ci") { user, name, expires },
            (parsed, client, ct) =>
            {
                var body = new JsonObject { ["name"] = parsed.GetValue(name) };
                if (parsed.GetValue(expires) is { } at)
                {
                    body["expires_at"] = Vigil.Domain.Record.SubmissionCommitment.FormatTime(at);
                }
                return Post(client, $"/api/v1/users/{RemoteGroup.Segment(parsed.GetValue(user)!)}/tokens", body, ct);
            },
            JsonSummary.FieldsAsync);
        group.Add(new Command("list", "A user's tokens (never their secrets).\nExample: vigil admin token list USER-ID") { user },
            (parsed, client, ct) => Get(client, $"/api/v1/users/{RemoteGroup.Segment(parsed.GetValue(user)!)}/tokens", ct),
            JsonSummary.Table("id", "name", "prefix", "expires_at", "revoked_at"));
        group.Add(new Command("revoke", "Revoke a token.\nExample: vigil admin token revoke TOKEN-ID") { id },
            (parsed, client, ct) => client.DeleteAsync($"/api/v1/tokens/{RemoteGroup.Segment(parsed.GetValue(id)!)}", ct)!,
            JsonSummary.FieldsAsync);
        return group.Command;
    }

    private static Task<ApiAnswer?> Get(VigilApiClient client, string path, CancellationToken cancellationToken) => client.GetAsync(path, cancellationToken)!;

    private static Task<ApiAnswer?> Post(VigilApiClient client, string path, JsonObject body, CancellationToken cancellationToken) =>
        client.PostJsonAsync(path, body.ToJsonString(), null, cancellationToken)!;
}
