using System.Text;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Tests.Security;

/// <summary>RFC 6238 as authenticator apps use it, checked against the RFC's own test vectors.</summary>
public sealed class TotpTests
{
    /// <summary>RFC 6238 Appendix B, the SHA-1 rows: the seed is the ASCII string "12345678901234567890", 8 digits.</summary>
    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void The_rfc_6238_sha1_vectors(long unixSeconds, string expected)
    {
        var secret = Encoding.ASCII.GetBytes("12345678901234567890");
        var step = Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Assert.Equal(expected, Totp.Code(secret, step, digits: 8));
        // Six digits are the same truncation, taken modulo 10^6.
        Assert.Equal(expected[2..], Totp.Code(secret, step));
    }

    [Fact]
    public void A_code_is_accepted_one_step_either_side_and_never_for_a_step_already_used()
    {
        var secret = Encoding.ASCII.GetBytes("12345678901234567890");
        var now = DateTimeOffset.FromUnixTimeSeconds(1111111111);
        var step = Totp.StepAt(now);

        Assert.Equal(step, Totp.Match(secret, Totp.Code(secret, step), now, null));
        Assert.Equal(step - 1, Totp.Match(secret, Totp.Code(secret, step - 1), now, null));
        Assert.Equal(step + 1, Totp.Match(secret, Totp.Code(secret, step + 1), now, null));
        Assert.Null(Totp.Match(secret, Totp.Code(secret, step - 2), now, null));
        Assert.Null(Totp.Match(secret, Totp.Code(secret, step + 2), now, null));
        Assert.Null(Totp.Match(secret, Totp.Code(secret, step), now, lastAcceptedStep: step));
        Assert.Null(Totp.Match(secret, Totp.Code(secret, step - 1), now, lastAcceptedStep: step - 1));
        Assert.Equal(step + 1, Totp.Match(secret, Totp.Code(secret, step + 1), now, lastAcceptedStep: step));
        Assert.Null(Totp.Match(secret, "12345", now, null));
        Assert.Null(Totp.Match(secret, "12345a", now, null));
        Assert.Null(Totp.Match(secret, null, now, null));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Base32_follows_rfc_4648_without_padding(string text, string encoded)
    {
        Assert.Equal(encoded, Base32.Encode(Encoding.ASCII.GetBytes(text)));
        Assert.Equal(text, Encoding.ASCII.GetString(Base32.Decode(encoded)));
    }

    [Fact]
    public void The_enrolment_uri_names_issuer_account_secret_and_parameters()
    {
        var uri = Totp.EnrolmentUri("Vigil", "a.sharma@example.org", Encoding.ASCII.GetBytes("foobar"));
        Assert.Equal("otpauth://totp/Vigil:a.sharma%40example.org?secret=MZXW6YTBOI&issuer=Vigil&algorithm=SHA1&digits=6&period=30", uri);
    }
}
