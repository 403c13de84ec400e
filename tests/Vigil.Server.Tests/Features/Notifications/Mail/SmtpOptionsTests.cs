using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Features.Notifications;
using Vigil.Server.Features.Notifications.Mail;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Mail;

/// <summary>What the operator may configure for outgoing mail, and what happens when nothing is.</summary>
public sealed class SmtpOptionsTests
{
    [Theory]
    [InlineData("smtp.example.org", SmtpSecurity.None, false)]
    [InlineData("127.0.0.1", SmtpSecurity.None, true)]
    [InlineData("::1", SmtpSecurity.None, true)]
    [InlineData("localhost", SmtpSecurity.None, true)]
    [InlineData("smtp.example.org", SmtpSecurity.StartTls, true)]
    [InlineData("smtp.example.org", SmtpSecurity.Tls, true)]
    public void Plain_text_is_allowed_only_to_a_relay_on_this_machine(string host, SmtpSecurity security, bool valid)
    {
        var options = new SmtpOptions { Host = host, Security = security };
        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }

    [Fact]
    public void A_user_name_without_a_password_is_refused()
    {
        var options = new SmtpOptions { Host = "smtp.example.org", UserName = "vigil" };
        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.ErrorMessage!.Contains("Password", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_host_there_is_no_email_channel_and_mail_waits()
    {
        using var factory = new VigilFactory();
        Assert.DoesNotContain(factory.Services.GetServices<INotificationChannel>(), c => c.Name == NotificationChannels.Email);
    }
}
