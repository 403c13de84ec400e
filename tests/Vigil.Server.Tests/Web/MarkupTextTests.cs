using System.Text.RegularExpressions;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Web;

/// <summary>
/// Every visible string comes from resources: no page or component writes words into its markup itself. Only names
/// that are the same in every language (Vigil, and the names of standards) may stand there.
/// </summary>
public sealed partial class MarkupTextTests
{
    private static readonly HashSet<string> SameInEveryLanguage = new(StringComparer.Ordinal)
    {
        "Vigil", "UTC", "TLP", "CVSS", "CVE", "CWE", "CSAF", "JSON", "OSV", "STIX", "API", "SHA-256", "Atom", "SBOM", "CycloneDX",
    };

    [Fact]
    public void No_component_writes_words_into_its_markup()
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.File("src", "Vigil.Server"), "*.razor", SearchOption.AllDirectories))
        {
            var markup = Markup(File.ReadAllText(file));
            foreach (Match text in Text().Matches(markup))
            {
                var words = Word().Matches(text.Value).Select(w => w.Value).Where(w => !SameInEveryLanguage.Contains(w)).ToList();
                if (words.Count > 0)
                {
                    found.Add($"{Path.GetFileName(file)}: \"{text.Value.Trim()}\"");
                }
            }
        }
        Assert.True(found.Count == 0, "Words written into markup instead of read from resources:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_check_finds_words_and_passes_expressions()
    {
        Assert.Single(Text().Matches(Markup("<p>Sign in here</p>")));
        Assert.Empty(Text().Matches(Markup("<p>@T[\"SignIn\"] · @Model.Name</p>@* a comment *@\n@code { string x = \"words\"; }")));
    }

    /// <summary>The markup alone: without Razor comments, code blocks, directives, tag internals and C# expressions.</summary>
    private static string Markup(string razor)
    {
        var text = RazorComment().Replace(razor, " ");
        var code = text.IndexOf("@code", StringComparison.Ordinal);
        text = code >= 0 ? text[..code] : text;
        text = Directive().Replace(text, " ");
        text = Expression().Replace(text, " ");
        text = Tag().Replace(text, " ");
        return text;
    }

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"^\s*@(page|attribute|using|inject|inherits|layout|implements|rendermode|namespace|typeparam)\b.*$", RegexOptions.Multiline)]
    private static partial Regex Directive();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    /// <summary>@Name.Member(...)[...] chains, @(...) and @if/@foreach/@switch headers and their braces.</summary>
    [GeneratedRegex(@"@(?:if|foreach|for|while|switch)\b[^{]*|@\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)|@[A-Za-z_][\w.]*(?:\[[^\]]*\]|\((?:[^()]|\([^()]*\))*\)|\.[\w]+)*|[{}]|\belse\b")]
    private static partial Regex Expression();

    [GeneratedRegex(@"[^\s·—–:;,.()|/\-+*=!?""'&#@0-9]+(?:[^<>]*[^\s<>])?")]
    private static partial Regex Text();

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z'-]+\b")]
    private static partial Regex Word();
}
