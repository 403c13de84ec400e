namespace Vigil.Csaf.Writing;

/// <summary>
/// Who publishes the documents, as CSAF's <c>document.publisher</c> and the ROLIE feeds name it.
/// </summary>
/// <param name="Name">The publisher's name.</param>
/// <param name="Namespace">A URL the publisher controls, without a trailing slash.</param>
/// <param name="ContactEmail">How to reach its security team.</param>
public sealed record CsafPublisher(string Name, string Namespace, string ContactEmail);
