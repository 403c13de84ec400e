namespace Vigil.Server.Features.ApiReference;

/// <summary>The API reference pages' strings (ApiReferenceText.resx, ApiReferenceText.hi.resx).</summary>
public sealed class ApiReferenceText;
