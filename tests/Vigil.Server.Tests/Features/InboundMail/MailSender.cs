using System.Net.Sockets;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.InboundMail;

/// <summary>Mail as a reporter's mail client sends it: built with MimeKit, encrypted with BouncyCastle, sent over real SMTP.</summary>
public static class MailSender
{
    public static MimeMessage Plain(string from, string subject, string text, string to = IInboundMailServer.IncidentAddress)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("reporter.example");
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    /// <summary>A PGP/MIME message (RFC 3156): the text part encrypted to <paramref name="key"/>; returns it and its ciphertext.</summary>
    public static (MimeMessage Message, byte[] Ciphertext) Encrypted(string from, string subject, string text, PgpPublicKey key)
    {
        var message = Plain(from, subject, "");
        using var inner = new MemoryStream();
        new TextPart("plain") { Text = text }.WriteTo(inner);
        var ciphertext = Encrypt(inner.ToArray(), key);
        var encrypted = new Multipart("encrypted");
        encrypted.ContentType.Parameters["protocol"] = "application/pgp-encrypted";
        encrypted.Add(new MimePart("application", "pgp-encrypted") { Content = new MimeContent(new MemoryStream("Version: 1\r\n"u8.ToArray())) });
        encrypted.Add(new MimePart("application", "octet-stream") { Content = new MimeContent(new MemoryStream(ciphertext)), FileName = "encrypted.asc" });
        message.Body = encrypted;
        return (message, ciphertext);
    }

    public static byte[] Encrypt(byte[] plaintext, PgpPublicKey key)
    {
        using var output = new MemoryStream();
        using (var armor = new ArmoredOutputStream(output))
        {
            var generator = new PgpEncryptedDataGenerator(SymmetricKeyAlgorithmTag.Aes256, true, new SecureRandom());
            generator.AddMethod(key);
            using var encrypted = generator.Open(armor, new byte[4096]);
            using var literal = new PgpLiteralDataGenerator().Open(encrypted, PgpLiteralData.Binary, "message", plaintext.Length, VigilFactory.Start.UtcDateTime);
            literal.Write(plaintext);
        }
        return output.ToArray();
    }

    /// <summary>Sends over a real SMTP conversation with MailKit (the listener may still be binding when the host has just started).</summary>
    public static async Task SendAsync(int port, MimeMessage message)
    {
        using var client = new SmtpClient();
        await ConnectAsync(client, port);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }

    public static async Task ConnectAsync(SmtpClient client, int port)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
                return;
            }
            catch (SocketException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>The bytes MailKit puts on the wire for a message (CRLF line ends), as the listener receives them.</summary>
    public static byte[] WireBytes(MimeMessage message)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var buffer = new MemoryStream();
        message.WriteTo(options, buffer);
        return buffer.ToArray();
    }

    /// <summary>The OpenPGP data a PGP/MIME message carries, decoded from its transfer encoding.</summary>
    public static byte[] EncryptedPayload(byte[] raw)
    {
        var body = Assert.IsAssignableFrom<Multipart>(MimeMessage.Load(new MemoryStream(raw)).Body);
        using var buffer = new MemoryStream();
        Assert.IsType<MimePart>(body[1]).Content!.DecodeTo(buffer);
        return buffer.ToArray();
    }

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
