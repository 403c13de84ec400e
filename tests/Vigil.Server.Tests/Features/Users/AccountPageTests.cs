using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Server.Features.Users;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Web;

namespace Vigil.Server.Tests.Features.Users;

/// <summary>
/// The account page at the HTTP level, in English and Hindi: who the reader is and its organisation's point of
/// contact, its tokens (made and shown once, listed, revoked through the API's own code, each on the record), its
/// language and time zone, and its password.
/// </summary>
public sealed partial class AccountPageTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    private static string Say(string language, string key) =>
        ResourceStrings.Read(RepositoryPaths.File("src", "Vigil.Server", "Features", "Users", language == "en" ? "AccountText.resx" : "AccountText.hi.resx"))[key];

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task The_page_shows_who_I_am_and_my_organisations_point_of_contact(string language)
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var pages = await PageReader.SignInAsync(factory, reporter.Token);

        var (response, html) = await pages.GetAsync("/account", language);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Say(language, "Title"), html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "Role_reporter"), html, StringComparison.Ordinal);
        Assert.Contains("Org " + reporter.OrganisationId, html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "Contact"), html, StringComparison.Ordinal);
        Assert.Contains("contact@example.org", html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "Tokens"), html, StringComparison.Ordinal);
        // The organisation is in India: its zone is offered as the default.
        Assert.Contains("Asia/Kolkata", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_made_on_the_page_is_shown_once_works_on_the_API_and_once_revoked_does_not_each_on_the_record()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var pages = await PageReader.SignInAsync(factory, reporter.Token);

        var (made, html) = await pages.PostAsync("/account", "token", [("token_name", "SIEM export"), ("expires_on", "2027-01-31")]);

        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.True(made.Headers.CacheControl!.NoStore);
        var secret = IssuedToken().Match(html).Groups[1].Value;
        Assert.NotEmpty(secret);
        using var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var mine = await api.GetNodeAsync("/api/v1/me/tokens");
        var listed = mine.AsArray().Single(t => t!["name"]!.GetValue<string>() == "SIEM export")!;
        // The end of 31 January in India's zone.
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 18, 30, 0, TimeSpan.Zero), DateTimeOffset.Parse(listed["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        var (_, again) = await pages.GetAsync("/account");
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        Assert.Contains("SIEM export", again, StringComparison.Ordinal);
        Assert.Contains(listed["prefix"]!.GetValue<string>(), again, StringComparison.Ordinal);

        var tokenId = listed["id"]!.GetValue<string>();
        var (revoked, _) = await pages.PostAsync("/account", "revoke-" + tokenId, []);
        Assert.Equal(HttpStatusCode.Found, revoked.StatusCode);
        Assert.EndsWith("/account?done=revoked", revoked.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me/tokens")).StatusCode);

        await using var connection = factory.OpenDatabase();
        var kinds = connection.Strings("SELECT kind FROM record_events WHERE object_kind = 'token' AND object_id = @id ORDER BY id", ("@id", tokenId));
        Assert.Equal([AccountEvents.TokenIssued, AccountEvents.TokenRevoked], kinds);
        Assert.Empty(connection.Strings("SELECT kind FROM record_events WHERE content LIKE @secret", ("@secret", "%" + secret + "%")));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task A_token_the_API_would_refuse_is_refused_beside_its_box_with_what_was_typed(string language)
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var pages = await PageReader.SignInAsync(factory, reporter.Token);

        var (response, html) = await pages.PostAsync("/account", "token", [("token_name", ""), ("expires_on", "2099-01-01")], language);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Matches("<input id=\"token-name\"[^>]*aria-invalid=\"true\"", html);
        Assert.Matches("<input id=\"token-expires\"[^>]*value=\"2099-01-01\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains("href=\"#token-expires\"", html, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<VigilDbContext>().ApiTokens.CountAsync(t => t.UserId == reporter.UserId));
    }

    [Fact]
    public async Task Another_users_token_cannot_be_revoked_from_the_page()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var other = await factory.CreateActorAsync(Roles.Reporter);
        var pages = await PageReader.SignInAsync(factory, reporter.Token);
        await using var scope = factory.Services.CreateAsyncScope();
        var theirs = await scope.ServiceProvider.GetRequiredService<VigilDbContext>().ApiTokens.Where(t => t.UserId == other.UserId).Select(t => t.Id).SingleAsync();

        var (response, _) = await pages.PostAsync("/account", "revoke-" + theirs, []);

        Assert.NotEqual(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/api/v1/me/tokens")).StatusCode);
    }

    [Fact]
    public async Task The_password_changes_only_with_the_current_one_never_typed_back_and_on_the_record()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        await SetPasswordAsync(reporter.UserId, "correct horse battery staple");
        var pages = await PageReader.SignInAsync(factory, reporter.Token);

        var (wrong, html) = await pages.PostAsync("/account", "password",
            [("current_password", "not my password at all"), ("new_password", "a much longer new passphrase"), ("repeat_password", "a much longer new passphrase")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Matches("<input id=\"current-password\"[^>]*aria-invalid=\"true\"", html);
        Assert.DoesNotContain("not my password at all", html, StringComparison.Ordinal);
        Assert.DoesNotContain("a much longer new passphrase", html, StringComparison.Ordinal);

        var (differ, differHtml) = await pages.PostAsync("/account", "password",
            [("current_password", "correct horse battery staple"), ("new_password", "a much longer new passphrase"), ("repeat_password", "something else entirely")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, differ.StatusCode);
        Assert.Contains(Say("en", "PasswordsDiffer"), differHtml, StringComparison.Ordinal);

        var (changed, _) = await pages.PostAsync("/account", "password",
            [("current_password", "correct horse battery staple"), ("new_password", "a much longer new passphrase"), ("repeat_password", "a much longer new passphrase")]);
        Assert.Equal(HttpStatusCode.Found, changed.StatusCode);
        await using var connection = factory.OpenDatabase();
        Assert.Equal(1, connection.Count("SELECT COUNT(*) FROM record_events WHERE kind = @kind AND object_id = @id", ("@kind", AccountEvents.PasswordChanged), ("@id", reporter.UserId)));
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<VigilDbContext>().Users.SingleAsync(u => u.Id == reporter.UserId);
        Assert.True(scope.ServiceProvider.GetRequiredService<UserAccounts>().VerifyPassword(user, "a much longer new passphrase"));
    }

    [Fact]
    public async Task Chosen_language_and_time_zone_are_used_by_every_page_until_changed()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var pages = await PageReader.SignInAsync(factory, reporter.Token);

        var (saved, _) = await pages.PostAsync("/account", "preferences", [("culture", "hi"), ("zone", "Europe/Berlin")]);
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);

        // The language cookie asks for English; the reader's own choice wins.
        var (_, html) = await pages.GetAsync("/account?done=preferences", "en");
        Assert.Contains("lang=\"hi\"", html, StringComparison.Ordinal);
        Assert.Contains(Say("hi", "Done_preferences"), html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"Europe/Berlin\" selected", html);

        var (refused, refusedHtml) = await pages.PostAsync("/account", "preferences", [("culture", "hi"), ("zone", "Mars/Olympus_Mons")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Matches("<select id=\"zone\"[^>]*aria-invalid=\"true\"", refusedHtml);
    }

    private async Task SetPasswordAsync(string userId, string password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        scope.ServiceProvider.GetRequiredService<UserAccounts>().SetPassword(user, password);
        await db.SaveChangesAsync();
    }

    [GeneratedRegex("<input id=\"new-token\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex IssuedToken();
}
