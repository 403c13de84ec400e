using System.Security.Cryptography;
using System.Text;
using Vigil.Domain.Record;

namespace Vigil.Domain.Tests.Record;

public class SubmissionCommitmentTests
{
    private static readonly DateTimeOffset At = new(2019, 5, 20, 10, 15, 0, TimeSpan.FromHours(5.5));
    private static readonly byte[] Salt = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    [Fact]
    public void The_commitment_is_the_documented_hash()
    {
        var document = SubmissionCommitment.CommittedDocument("report", "inc-1", 1, At, """{"title": "T"}""");
        Assert.Equal("""{"content":{"title":"T"},"incident_id":"inc-1","kind":"report","received_at":"2019-05-20T04:45:00.0000000Z","sequence":1}""", document);
        var expected = SHA256.HashData([.. Encoding.UTF8.GetBytes("vigil/submission/v1"), 0, .. Salt, .. Encoding.UTF8.GetBytes(document)]);
        Assert.Equal(expected, SubmissionCommitment.Compute("report", "inc-1", 1, At, """{"title": "T"}""", Salt));
    }

    [Fact]
    public void Any_change_to_what_was_filed_changes_the_commitment()
    {
        var original = SubmissionCommitment.Compute("report", "inc-1", 1, At, """{"title":"T"}""", Salt);
        Assert.Equal(original, SubmissionCommitment.Compute("report", "inc-1", 1, At, """{ "title" : "T" }""", Salt));
        Assert.NotEqual(original, SubmissionCommitment.Compute("report", "inc-1", 1, At, """{"title":"U"}""", Salt));
        Assert.NotEqual(original, SubmissionCommitment.Compute("update", "inc-1", 1, At, """{"title":"T"}""", Salt));
        Assert.NotEqual(original, SubmissionCommitment.Compute("report", "inc-2", 1, At, """{"title":"T"}""", Salt));
        Assert.NotEqual(original, SubmissionCommitment.Compute("report", "inc-1", 2, At, """{"title":"T"}""", Salt));
        Assert.NotEqual(original, SubmissionCommitment.Compute("report", "inc-1", 1, At.AddTicks(1), """{"title":"T"}""", Salt));
        var otherSalt = (byte[])Salt.Clone();
        otherSalt[31] ^= 1;
        Assert.NotEqual(original, SubmissionCommitment.Compute("report", "inc-1", 1, At, """{"title":"T"}""", otherSalt));
    }

    [Fact]
    public void Record_time_is_utc_to_the_microsecond()
    {
        var precise = new DateTimeOffset(2026, 11, 30, 15, 30, 0, TimeSpan.FromHours(5.5)).AddTicks(1_234_567);
        var recorded = SubmissionCommitment.RecordTime(precise);
        Assert.Equal(TimeSpan.Zero, recorded.Offset);
        Assert.Equal("2026-11-30T10:00:00.1234560Z", SubmissionCommitment.FormatTime(recorded));
        Assert.Equal(recorded, SubmissionCommitment.RecordTime(recorded));
    }
}
