using CsCheck;
using Vigil.Domain.Versions;

namespace Vigil.Domain.Tests.Versions;

public sealed class PackageUrlTests
{
    [Fact]
    public void Parse_ReadsEveryComponentAndWritesTheCanonicalForm()
    {
        var purl = PackageUrl.Parse("pkg:maven/org.apache.commons/io@1.3.4?repository_url=https://repo.example/x&classifier=sources#src/main");

        Assert.Equal(("maven", "org.apache.commons", "io", "1.3.4", "src/main"), (purl.Type, purl.Namespace, purl.Name, purl.Version, purl.Subpath));
        Assert.Equal(["classifier", "repository_url"], purl.Qualifiers.Keys);
        Assert.Equal("pkg:maven/org.apache.commons/io@1.3.4?classifier=sources&repository_url=https:%2F%2Frepo.example%2Fx#src/main", purl.ToString());
    }

    [Theory]
    [InlineData("pkg:PyPI/Django_Package@1.0", "pkg:pypi/django-package@1.0")]
    [InlineData("pkg:github/Package-URL/Purl-Spec@v1", "pkg:github/package-url/purl-spec@v1")]
    [InlineData("pkg:npm/%40Angular/Core@12.0.0", "pkg:npm/%40angular/core@12.0.0")]
    [InlineData("pkg:generic/openssl@1.1.1?checksum=sha1:ab,sha256:cd", "pkg:generic/openssl@1.1.1?checksum=sha1:ab%2Csha256:cd")]
    public void Parse_AppliesTheTypeRules(string text, string canonical) => Assert.Equal(canonical, PackageUrl.Parse(text).ToString());

    [Theory]
    [InlineData("pkg:maven/commons-io@2.0", "namespace")]
    [InlineData("pkg:pypi/ns/django@1.0", "no namespace")]
    [InlineData("pkg:deb/debian/curl", "version")]
    [InlineData("pkg:npm/foo@1?Key=v", "lower-case")]
    [InlineData("npm/foo@1", "pkg:")]
    [InlineData("pkg:9npm/foo@1", "type")]
    [InlineData("pkg:npm/foo%2G@1", "percent")]
    public void Parse_RefusesWithAReason(string text, string reason)
    {
        Assert.False(PackageUrl.TryParse(text, out _, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CanonicalForm_ParsesBackToItself() =>
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 8], Gen.String[1, 8], Gen.String[0, 6], Gen.String[0, 6]).Sample((ns, name, version, value) =>
        {
            var qualifiers = new Dictionary<string, string?> { ["k"] = value };
            if (!PackageUrl.TryCreate("generic", ns, name.Replace('/', '_'), version, qualifiers, null, out var built, out _))
            {
                return name.Trim('/').Length == 0;
            }

            var text = built.ToString();
            return PackageUrl.Parse(text).ToString() == text && PackageUrl.Parse(text).Name == built.Name;
        });
}
