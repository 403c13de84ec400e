using Vigil.Server.Features.Attachments;

namespace Vigil.Server.Tests.Features.Attachments;

/// <summary>The download's name can neither break out of its header nor be read differently by old and new clients.</summary>
public sealed class DownloadHeadersTests
{
    [Theory]
    [InlineData("report.pdf", "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf")]
    [InlineData("a\"b; filename=evil.html", "attachment; filename=\"a_b_ filename_evil.html\"; filename*=UTF-8''a%22b%3B%20filename%3Devil.html")]
    [InlineData("जानकारी.txt", "attachment; filename=\"_______.txt\"; filename*=UTF-8''%E0%A4%9C%E0%A4%BE%E0%A4%A8%E0%A4%95%E0%A4%BE%E0%A4%B0%E0%A5%80.txt")]
    [InlineData("50% off's.exe", "attachment; filename=\"50_ off_s.exe\"; filename*=UTF-8''50%25%20off%27s.exe")]
    public void The_name_is_percent_encoded_and_its_ascii_stand_in_holds_only_plain_characters(string name, string expected) =>
        Assert.Equal(expected, DownloadHeaders.ContentDisposition(name));
}
