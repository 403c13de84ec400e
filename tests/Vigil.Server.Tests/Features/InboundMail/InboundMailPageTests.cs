using System.Net;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Web;

namespace Vigil.Server.Tests.Features.InboundMail;

/// <summary>The analysts' mail pages: the queue, a message as text only, and a decision made from its page.</summary>
public sealed class InboundMailPageTests(InboundMailSqliteFactory factory) : IClassFixture<InboundMailSqliteFactory>
{
    private static string Say(string language, string key) =>
        ResourceStrings.Read(RepositoryPaths.File("src", "Vigil.Server", "Features", "InboundMail", language == "en" ? "InboundMailText.resx" : "InboundMailText.hi.resx"))[key];

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task The_quarantine_is_listed_a_message_shows_as_text_and_an_analyst_discards_it_from_its_page(string language)
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var subject = "Help " + Guid.NewGuid().ToString("N");
        var mail = MailSender.Plain($"stranger-{Guid.NewGuid():N}@unknown.example", subject, "plain words");
        mail.Body = new MimeKit.BodyBuilder { HtmlBody = "<p>plain words</p><script>alert('mail')</script><img src=\"https://tracker.example/x\">" }.ToMessageBody();
        await MailSender.SendAsync(factory.SmtpPort, mail);
        var pages = await PageReader.SignInAsync(factory, analyst.Token);

        var (queue, queueHtml) = await pages.GetAsync("/triage/mail", language);
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains(Say(language, "QuarantineHeading"), queueHtml, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(queueHtml, "href=\"(/triage/mail/[^\"]+)\">" + subject).Groups[1].Value;
        Assert.NotEmpty(link);

        var (_, page) = await pages.GetAsync(link, language);
        Assert.Contains("plain words", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker.example", page, StringComparison.Ordinal);
        Assert.Contains(Say(language, "ForgeryNote"), page, StringComparison.Ordinal);

        var (empty, refused) = await pages.PostAsync(link, "discard", [("reason", "")], language);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains(Say(language, "ReasonRequired"), refused, StringComparison.Ordinal);
        var (discarded, _) = await pages.PostAsync(link, "discard", [("reason", "Spam")], language);
        Assert.Equal(HttpStatusCode.Found, discarded.StatusCode);
        var (_, after) = await pages.GetAsync(link, language);
        Assert.Contains(Say(language, "State_discarded"), after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reporter_is_not_shown_the_mail_queue()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var pages = await PageReader.SignInAsync(factory, reporter.Token);
        var (response, _) = await pages.GetAsync("/triage/mail");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
