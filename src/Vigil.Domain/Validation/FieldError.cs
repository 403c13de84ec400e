namespace Vigil.Domain.Validation;

/// <summary>One problem with one field of a submission, located by JSON Pointer (RFC 6901).</summary>
public sealed record FieldError(string Pointer, string Detail);
