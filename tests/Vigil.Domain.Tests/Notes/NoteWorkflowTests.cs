using Vigil.Domain.Notes;
using Vigil.Domain.Record;

namespace Vigil.Domain.Tests.Notes;

public sealed class NoteWorkflowTests
{
    [Theory]
    [InlineData(null, "minor", "1.0.0")]
    [InlineData("1.0.0", "minor", "1.1.0")]
    [InlineData("1.1.0", "patch", "1.1.1")]
    [InlineData("1.1.1", "major", "2.0.0")]
    [InlineData("2.9.9", "minor", "2.10.0")]
    public void Versions_follow_CSAF_semantic_versioning(string? current, string significance, string next) =>
        Assert.Equal(next, NoteWorkflow.NextVersion(current, significance));

    [Fact]
    public void A_note_commitment_never_equals_a_submission_commitment_over_the_same_fields()
    {
        var salt = SubmissionCommitment.NewSalt();
        var at = new DateTimeOffset(2019, 5, 17, 10, 0, 0, TimeSpan.Zero);
        var note = NoteCommitment.Compute(new NoteRevisionFacts("VIGN-2019-0080", 1, NoteWorkflow.Publication, "1.0.0", "Initial release.", at), "{}", salt);
        var submission = SubmissionCommitment.Compute(NoteWorkflow.Publication, "VIGN-2019-0080", 1, at, "{}", salt);
        Assert.NotEqual(note, submission);
        // Content counts by its canonical form; the summary is committed too.
        Assert.Equal(note, NoteCommitment.Compute(new NoteRevisionFacts("VIGN-2019-0080", 1, NoteWorkflow.Publication, "1.0.0", "Initial release.", at), "{ }", salt));
        Assert.NotEqual(note, NoteCommitment.Compute(new NoteRevisionFacts("VIGN-2019-0080", 1, NoteWorkflow.Publication, "1.0.0", "First release.", at), "{}", salt));
    }

    [Fact]
    public void The_CWE_list_has_every_weakness_the_validator_knows() =>
        Assert.True(CweCatalog.TryGetName("CWE-122", out var name) && name == "Heap-based Buffer Overflow" && CweCatalog.Count == 968);
}
