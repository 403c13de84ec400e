namespace Vigil.Server.Features.Notifications.Mail.Templates;

/// <summary>The mails' and the unsubscribe page's strings (MailText.resx, MailText.hi.resx).</summary>
public sealed class MailText;
