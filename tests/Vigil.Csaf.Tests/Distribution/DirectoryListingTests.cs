using Vigil.Csaf.Distribution;

namespace Vigil.Csaf.Tests.Distribution;

public sealed class DirectoryListingTests
{
    private static readonly Uri White = new("https://provider.example/.well-known/csaf/white/");

    [Fact]
    public void Changes_csv_is_read_quoted_or_not()
    {
        var text = "\"2024/b.json\",\"2024-02-01T00:00:00Z\"\r\n2023/a.json,2023-05-01T00:00:00Z\n\nwhite/2022/c.json, 2022-01-01T00:00:00Z\n";

        Assert.Equal(["2024/b.json", "2023/a.json", "white/2022/c.json"], DirectoryListing.ReadChanges(text));
    }

    [Theory]
    [InlineData("2023/x.json")]
    [InlineData("white/2023/x.json")]
    [InlineData("/2023/x.json")]
    public void A_path_with_or_without_the_folder_name_resolves_inside_the_directory(string path)
    {
        Assert.Equal("https://provider.example/.well-known/csaf/white/2023/x.json", DirectoryListing.Resolve(White, path)?.AbsoluteUri);
    }

    [Fact]
    public void A_clear_folder_and_a_directory_URL_without_slash_resolve_the_same_way()
    {
        var clear = new Uri("https://provider.example/.well-known/csaf/clear");

        Assert.Equal("https://provider.example/.well-known/csaf/clear/2024/y.json", DirectoryListing.Resolve(clear, "clear/2024/y.json")?.AbsoluteUri);
        Assert.Equal("https://provider.example/.well-known/csaf/clear/2024/y.json", DirectoryListing.Resolve(clear, "2024/y.json")?.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://elsewhere.example/2023/x.json")]
    [InlineData("file:///etc/passwd")]
    public void A_path_leaving_the_provider_or_http_is_not_resolved(string path)
    {
        Assert.Null(DirectoryListing.Resolve(White, path));
    }

    [Fact]
    public void A_scheme_relative_path_stays_on_the_provider()
    {
        Assert.Equal("provider.example", DirectoryListing.Resolve(White, "//elsewhere.example/x.json")?.Host);
    }

    [Fact]
    public void Hash_files_are_read_as_sha256sum_writes_them()
    {
        var digest = new string('a', 64);

        Assert.Equal(digest, HashFile.Read(System.Text.Encoding.ASCII.GetBytes(digest.ToUpperInvariant() + "  x.json\n"), 64));
        Assert.Equal(digest, HashFile.Read(System.Text.Encoding.ASCII.GetBytes(digest), 64));
        Assert.Throws<CsafDistributionException>(() => HashFile.Read(System.Text.Encoding.ASCII.GetBytes(digest), 128));
        Assert.Throws<CsafDistributionException>(() => HashFile.Read(System.Text.Encoding.ASCII.GetBytes("<html>404</html>"), 64));
    }
}
