namespace Vigil.Server.Infrastructure.Web;

/// <summary>The resources of <see cref="ValidationMessages"/>: what the strict readers say, in the reader's language.</summary>
public sealed class ValidationText;
