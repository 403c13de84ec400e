namespace Vigil.Server.Infrastructure.Web;

/// <summary>
/// Marks a page whose form carries files, and says how large its body may be. Kestrel holds every other request to
/// the JSON limit; the limit has to be raised before anything reads the form (the antiforgery check does), so it is
/// applied from the page's endpoint metadata (<see cref="WebFeature.UseVigilWeb"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public abstract class BodyLimitAttribute : Attribute
{
    /// <summary>What a form adds around its files: its other fields, boundaries and headers.</summary>
    public const long FormOverhead = 1024 * 1024;

    public abstract long MaxBytes(IServiceProvider services);
}
