using Vigil.Domain.Sharing;

namespace Vigil.Data;

/// <summary>
/// Who is reading through this context: the server gives the signed-in caller of the current request; a context made
/// without one (background jobs, the command line, migrations) reads as <see cref="AudienceReader.System"/>.
/// </summary>
public interface IAudienceSource
{
    AudienceReader Current { get; }
}
