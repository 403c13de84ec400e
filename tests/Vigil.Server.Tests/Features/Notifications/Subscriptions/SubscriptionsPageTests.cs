using System.Net;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Subscriptions;

/// <summary>The subscriptions page: a reporter sees and changes its organisation's, in English and Hindi, by plain form posts.</summary>
public sealed class SubscriptionsPageTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Fact]
    public async Task A_reporter_adds_turns_off_and_is_refused_on_the_page()
    {
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var organisation = await NotificationWorld.OrganisationAsync(admin.Client, "contact@page.example");
        var reporter = await factory.CreateActorAsync(Roles.Reporter, organisation);
        var pages = await PageReader.SignInAsync(factory, reporter.Token);

        var (shown, html) = await pages.GetAsync("/subscriptions");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("A deadline is near", html, StringComparison.Ordinal);
        Assert.Contains("point of contact", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/subscriptions\"", html, StringComparison.Ordinal);
        var (_, hindi) = await pages.GetAsync("/subscriptions", "hi");
        Assert.Contains("समय-सीमा निकट है", hindi, StringComparison.Ordinal);

        var (refused, refusedHtml) = await pages.PostAsync("/subscriptions", "add",
            [("scope", "organisation"), ("event_type", "note.published"), ("channel", "email"), ("destination", "stranger@elsewhere.example")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("id=\"destination-error\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("stranger@elsewhere.example", refusedHtml, StringComparison.Ordinal);

        var (added, _) = await pages.PostAsync("/subscriptions", "add", [("scope", "organisation"), ("event_type", "note.published"), ("channel", "email"), ("digest", "daily")]);
        Assert.True(added.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther, added.StatusCode.ToString());
        var rows = (await reporter.Client.GetNodeAsync("/api/v1/subscriptions"))["items"]!.AsArray();
        var note = rows.Single(r => r!["event_type"]!.GetValue<string>() == "note.published")!;
        Assert.Null(note["user_id"]);
        Assert.Equal("daily", note["digest"]!.GetValue<string>());

        var id = note["id"]!.GetValue<long>();
        var (off, _) = await pages.PostAsync("/subscriptions", $"toggle-{id}", []);
        Assert.True(off.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther, off.StatusCode.ToString());
        var after = (await reporter.Client.GetNodeAsync("/api/v1/subscriptions"))["items"]!.AsArray();
        Assert.False(after.Single(r => r!["id"]!.GetValue<long>() == id)!["enabled"]!.GetValue<bool>());
    }
}
