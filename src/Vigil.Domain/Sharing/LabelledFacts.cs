namespace Vigil.Domain.Sharing;

/// <summary>
/// What the audience rule needs to know about one labelled thing and one reader: its label, the organisation that
/// owns it (null when the CERT does: notes, collections, imported advisories), whether the CERT shared it with the
/// reader's organisation, and whether the reader is named on it.
/// </summary>
public sealed record LabelledFacts(string Label, string? OwnerOrganisationId, bool SharedWithReader = false, bool ReaderNamed = false);
