using System.Diagnostics.CodeAnalysis;

namespace Vigil.Domain.Cvss;

/// <summary>Either a parsed value or the <see cref="CvssVectorError"/> that stopped parsing; never both.</summary>
/// <typeparam name="T">What a successful parse yields.</typeparam>
public sealed class CvssParseResult<T>
    where T : class
{
    private CvssParseResult(T? value, CvssVectorError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The parsed value, when parsing succeeded.</summary>
    public T? Value { get; }

    /// <summary>The reason parsing failed, when it did.</summary>
    public CvssVectorError? Error { get; }

    /// <summary>True when <see cref="Value"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Value is not null;

    /// <summary>A successful result.</summary>
    public static CvssParseResult<T> Success(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>A failed result naming the metric at fault.</summary>
    public static CvssParseResult<T> Failure(string metric, string message) => new(null, new CvssVectorError(metric, message));

    /// <summary>A failed result carrying an existing error.</summary>
    public static CvssParseResult<T> Failure(CvssVectorError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));
}
