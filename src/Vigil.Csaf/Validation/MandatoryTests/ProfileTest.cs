using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>A profile test of 6.1.27: it applies only to documents whose category is one of its profiles.</summary>
internal abstract class ProfileTest : IMandatoryTest
{
    public abstract string Number { get; }

    /// <summary>The categories the test applies to.</summary>
    protected abstract string[] Profiles { get; }

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        var category = CsafProducts.Strings(JsonWalk.Select(document, "/document/category")).Select(c => c.Id).FirstOrDefault();
        return category is not null && Profiles.Contains(category) ? RunForProfile(document, category) : [];
    }

    /// <summary>Runs the test on a document of one of the profiles.</summary>
    protected abstract IEnumerable<CsafFinding> RunForProfile(JsonElement document, string category);

    /// <summary>A finding that names the profile.</summary>
    protected CsafFinding Fail(string path, string category, string message) => new(Number, path, $"{message} (required by {category})");
}
