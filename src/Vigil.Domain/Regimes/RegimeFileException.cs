namespace Vigil.Domain.Regimes;

/// <summary>A regime file that cannot be used. The message names the file and the field (as a JSON pointer).</summary>
public sealed class RegimeFileException : Exception
{
    public RegimeFileException(string fileName, string field, string problem)
        : base($"{fileName}: {(field.Length == 0 ? "(the document)" : field)}: {problem}")
    {
        FileName = fileName;
        Field = field;
    }

    public RegimeFileException()
    {
        FileName = Field = "";
    }

    public RegimeFileException(string message)
        : base(message)
    {
        FileName = Field = "";
    }

    public RegimeFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        FileName = Field = "";
    }

    public string FileName { get; }

    /// <summary>The JSON pointer of the offending member, for example <c>/stages/1/within/hours</c>.</summary>
    public string Field { get; }
}
