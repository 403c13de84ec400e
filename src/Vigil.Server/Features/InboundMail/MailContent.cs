using System.Text;
using MimeKit;
using MimeKit.Cryptography;
using MimeKit.Text;

namespace Vigil.Server.Features.InboundMail;

/// <summary>
/// What a message says, as text: the text body (an HTML-only message is turned into text, never rendered), opened
/// first when it is OpenPGP-encrypted, as PGP/MIME (RFC 3156 multipart/encrypted) or as inline ASCII armour.
/// </summary>
public static class MailContent
{
    public const string Unsigned = "unsigned";
    public const string Unverified = "unverified";

    public sealed record Read(string Text, bool Encrypted, bool Decrypted, string SignatureStatus);

    private const string ArmourBegin = "-----BEGIN PGP MESSAGE-----";
    private const string ArmourEnd = "-----END PGP MESSAGE-----";

    public static Read Of(MimeMessage message, InboundMailKey key)
    {
        if (message.Body is Multipart encrypted && encrypted.ContentType.IsMimeType("multipart", "encrypted"))
        {
            var payload = encrypted.OfType<MimePart>().FirstOrDefault(p => p.ContentType.IsMimeType("application", "octet-stream"));
            if (payload is null || OpenPgpDecryption.TryOpen(Decoded(payload), key) is not { } opened)
            {
                return new Read("", Encrypted: true, Decrypted: false, Unsigned);
            }
            var inner = MimeEntity.Load(new MemoryStream(opened.Plaintext));
            var signed = opened.Signed || inner is MultipartSigned;
            return new Read(TextOf(inner), Encrypted: true, Decrypted: true, signed ? Unverified : Unsigned);
        }
        var text = TextOf(message.Body);
        var signedInline = text.Contains("-----BEGIN PGP SIGNED MESSAGE-----", StringComparison.Ordinal) || message.Body is MultipartSigned;
        var begin = text.IndexOf(ArmourBegin, StringComparison.Ordinal);
        var end = begin < 0 ? -1 : text.IndexOf(ArmourEnd, begin, StringComparison.Ordinal);
        if (end < 0)
        {
            return new Read(text, Encrypted: false, Decrypted: false, signedInline ? Unverified : Unsigned);
        }
        end += ArmourEnd.Length;
        var block = OpenPgpDecryption.TryOpen(Encoding.ASCII.GetBytes(text[begin..end]), key);
        if (block is null)
        {
            return new Read(text, Encrypted: true, Decrypted: false, Unsigned);
        }
        var clear = Encoding.UTF8.GetString(block.Plaintext);
        return new Read(text[..begin] + clear + text[end..], Encrypted: true, Decrypted: true, block.Signed || signedInline ? Unverified : Unsigned);
    }

    private static byte[] Decoded(MimePart part)
    {
        using var buffer = new MemoryStream();
        part.Content?.DecodeTo(buffer);
        return buffer.ToArray();
    }

    private static string TextOf(MimeEntity? entity)
    {
        var message = new MimeMessage { Body = entity };
        if (message.TextBody is { } text)
        {
            return text;
        }
        return message.HtmlBody is { } html ? TextOfHtml(html) : "";
    }

    /// <summary>The text an HTML-only message shows, its markup dropped (scripts and styles with their content).</summary>
    private static string TextOfHtml(string html)
    {
        var text = new StringBuilder();
        var skipping = false;
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style:
                    skipping = !tag.IsEndTag && !tag.IsEmptyElement;
                    break;
                case HtmlTagToken tag when tag.Id is HtmlTagId.Br or HtmlTagId.P or HtmlTagId.Div or HtmlTagId.LI or HtmlTagId.TR:
                    text.Append('\n');
                    break;
                case HtmlDataToken data when !skipping:
                    text.Append(data.Data);
                    break;
            }
        }
        return text.ToString().Trim();
    }
}
