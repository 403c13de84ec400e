using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Csaf.Distribution;
using Vigil.Csaf.Validation;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;
using Vigil.Server.Features.Advisories;
using Vigil.Server.Features.Csaf;
using Vigil.Csaf.Writing;

namespace Vigil.Server.Features.Aggregation;

/// <summary>
/// Takes one document of a followed provider: its published .sha256 and .sha512 (either may be missing; a mismatch
/// refuses it), its OpenPGP signature by one of the provider's keys (required), Vigil's CSAF validation, the provider's
/// publisher namespace, which must be the provider's own (no other provider's claim or pin, <see cref="PublisherNamespaceClaims"/>);
/// then stores it like an analyst's import. The same bytes are stored once, so a document already
/// held is "unchanged" (null) and costs only its hash file when the provider publishes a .sha256.
/// </summary>
public sealed class DocumentIntake(VigilDbContext db, ProviderFetcher fetcher, TimeProvider clock)
{
    /// <summary>The reason of a refusal whose signature verified false, or was no signature: the document may have been altered.</summary>
    public const string BadSignature = "bad signature: ";

    /// <summary>The reason of a refusal whose signature could not be checked (the provider's key could not be fetched or read).</summary>
    public const string SignatureUnchecked = "signature could not be checked: ";

    public const string NoHashWarning = "published without .sha256 or .sha512; the OpenPGP signature was checked";

    /// <summary>What was done with the document; null when it is already held.</summary>
    public async Task<RunOutcome?> TakeAsync(DocumentLocation at, FollowContext context, CancellationToken cancellationToken)
    {
        var url = at.Document;
        var (sha256, problem256) = await PublishedHashAsync(at.Sha256, 64, cancellationToken);
        var (sha512, problem512) = await PublishedHashAsync(at.Sha512, 128, cancellationToken);
        if ((problem256 ?? problem512) is { } hashProblem)
        {
            return RunOutcome.Refuse(url, hashProblem);
        }
        if (sha256 is not null && await IsHeldAsync(sha256, cancellationToken))
        {
            return null;
        }
        var document = await fetcher.GetAsync(url, ImportAdvisory.MaxDocumentBytes, cancellationToken);
        if (document.Body is not { } bytes)
        {
            return RunOutcome.Refuse(url, "the document cannot be fetched: " + document.Problem);
        }
        var actual256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (sha256 is not null && sha256 != actual256)
        {
            return RunOutcome.Refuse(url, $"hash mismatch: the published .sha256 is {sha256}, the document's SHA-256 is {actual256}");
        }
        if (sha512 is not null && sha512 != Convert.ToHexStringLower(SHA512.HashData(bytes)))
        {
            return RunOutcome.Refuse(url, $"hash mismatch: the published .sha512 is {sha512[..16]}..., not the document's SHA-512");
        }
        if (await IsHeldAsync(actual256, cancellationToken))
        {
            return null;
        }
        var (signature, signatureProblem) = await SignatureAsync(at, bytes, context, cancellationToken);
        if (signatureProblem is not null)
        {
            return RunOutcome.Refuse(url, signatureProblem);
        }
        // Parsed once, as the validator parses, and validated and read from that one tree.
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(bytes, CsafValidator.DocumentOptions);
        }
        catch (JsonException)
        {
            return Invalid(url, CsafValidator.Validate(bytes));
        }
        CsafDocumentSummary summary;
        string? directoryPath;
        using (parsed)
        {
            var report = CsafValidator.Validate(parsed.RootElement);
            if (!report.IsValid) { return Invalid(url, report); }
            summary = CsafDocumentSummary.Read(parsed.RootElement);
            directoryPath = DirectoryPathOf(parsed.RootElement, summary.TrackingId);
        }
        if (!AdvisoryRevisions.SameNamespace(summary.PublisherNamespace, context.PublisherNamespace))
        {
            return RunOutcome.Refuse(url, $"the document's publisher namespace {summary.PublisherNamespace} is not the provider's ({context.PublisherNamespace})");
        }
        if (context.NamespaceRefusal is { } refusal)
        {
            return RunOutcome.Refuse(url, refusal);
        }
        var stored = new Stored(bytes, actual256, signature!, directoryPath);
        return await StoreAsync(url, stored, summary, context, sha256 is null && sha512 is null, cancellationToken);
    }

    private static RunOutcome Invalid(Uri url, CsafValidationReport report)
    {
        var first = report.Findings[0];
        return RunOutcome.Refuse(url, $"invalid CSAF: fails {string.Join(", ", report.FailedTests)} (first: {first.Test} {first.Path}: {first.Message})");
    }

    /// <summary>What is kept of a document besides what is read from it: its bytes, their SHA-256, the provider's signature as fetched.</summary>
    private sealed record Stored(byte[] Bytes, string Sha256, byte[] Signature, string? DirectoryPath);

    /// <summary>
    /// Where a CSAF directory keeps the document (section 5.1): the year of its initial release and the file name made
    /// from its tracking id; null when the date cannot be read (such a document is not mirrored).
    /// </summary>
    private static string? DirectoryPathOf(JsonElement document, string trackingId) =>
        document.TryGetProperty("document", out var head) && head.TryGetProperty("tracking", out var tracking)
            && tracking.TryGetProperty("initial_release_date", out var date) && date.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(date.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var initial)
            && trackingId.Length > 0
            ? CsafLocations.RelativePath(trackingId, initial) : null;

    private async Task<RunOutcome?> StoreAsync(
        Uri url, Stored stored, CsafDocumentSummary summary, FollowContext context, bool noHash, CancellationToken cancellationToken)
    {
        // Revisions of one advisory share the publisher namespace and tracking id; each is kept as a row of its own.
        var revisions = await Held.AsNoTracking()
            .Where(a => a.PublisherNamespace == summary.PublisherNamespace && a.TrackingId == summary.TrackingId)
            .Select(a => new { a.Id, a.Version }).ToListAsync(cancellationToken);
        if (revisions.FirstOrDefault(r => r.Version == summary.Version) is { } sameVersion)
        {
            return RunOutcome.Refuse(url, $"changed without a new version: advisory {sameVersion.Id} holds version {summary.Version} of {summary.TrackingId} with other bytes");
        }
        var advisory = new ImportedAdvisory
        {
            Sha256 = stored.Sha256, Content = stored.Bytes, TrackingId = summary.TrackingId, Version = summary.Version, Title = summary.Title,
            Category = summary.Category, PublisherName = summary.PublisherName, PublisherNamespace = summary.PublisherNamespace,
            PublisherCategory = summary.PublisherCategory, Tlp = TlpLabel.FromCsaf(summary.TlpLabel),
            CurrentReleaseDate = summary.CurrentReleaseDate, ImportedBy = context.ImportedBy, ImportedAt = clock.GetUtcNow(),
            ProviderId = context.ProviderId, SourceUrl = url.AbsoluteUri, Signature = stored.Signature, DirectoryPath = stored.DirectoryPath,
        };
        db.ImportedAdvisories.Add(advisory);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run (or server) stored the same bytes a moment ago.
            db.ChangeTracker.Clear();
            return null;
        }
        db.ChangeTracker.Clear();
        return new RunOutcome(url.AbsoluteUri, revisions.Count > 0 ? RunOutcome.Revision : RunOutcome.Imported, noHash ? NoHashWarning : null, advisory.Id);
    }

    /// <summary>The .asc file as fetched when it verifies with one of the provider's keys; otherwise why not.</summary>
    private async Task<(byte[]? Signature, string? Problem)> SignatureAsync(DocumentLocation at, byte[] bytes, FollowContext context, CancellationToken cancellationToken)
    {
        var signature = await fetcher.GetAsync(at.Signature, ProviderFetcher.MaxSignatureBytes, cancellationToken);
        if (signature.Body is null)
        {
            return (null, signature.IsMissing ? "no OpenPGP signature (.asc) is published" : "the .asc signature cannot be fetched: " + signature.Problem);
        }
        if (context.Keys.Count == 0)
        {
            return (null, Unchecked(context.KeyProblems.Count == 0
                ? "the provider's metadata lists no OpenPGP key"
                : "none of the provider's OpenPGP keys could be read", context));
        }
        var check = OpenPgpSignatures.Check(bytes, signature.Body, context.Keys);
        return check.Status switch
        {
            SignatureStatus.Valid => (signature.Body, null),
            // Signed by a key Vigil could not read: nothing says the signature is wrong.
            SignatureStatus.UnknownKey when context.KeyProblems.Count > 0 => (null, Unchecked(check.Reason!, context)),
            SignatureStatus.Unchecked => (null, Unchecked(check.Reason!, context)),
            _ => (null, BadSignature + check.Reason),
        };
    }

    /// <summary>A signature that was not found wrong but could not be checked, with why (and each key that could not be read).</summary>
    private static string Unchecked(string why, FollowContext context) =>
        SignatureUnchecked + why + string.Concat(context.KeyProblems.Select(p => $"; key {p}"));

    /// <summary>The published digest; none when the file is missing; a problem when it is there but unreadable.</summary>
    private async Task<(string? Digest, string? Problem)> PublishedHashAsync(Uri url, int hexLength, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.GetAsync(url, ProviderFetcher.MaxHashBytes, cancellationToken);
        if (fetched.Body is null)
        {
            return fetched.IsMissing ? (null, null) : (null, $"the hash file {url} cannot be fetched: {fetched.Problem}");
        }
        try
        {
            return (HashFile.Read(fetched.Body, hexLength), null);
        }
        catch (CsafDistributionException e)
        {
            return (null, $"the hash file {url} is unreadable: {e.Message}");
        }
    }

    private Task<bool> IsHeldAsync(string sha256, CancellationToken cancellationToken) =>
        Held.AnyAsync(a => a.Sha256 == sha256, cancellationToken);

    // What is held is decided over every stored advisory: a run an analyst asked for reads as that analyst, who may
    // not read all of them (another's RED import), and must neither fetch them again nor store a rival revision.
    private IQueryable<ImportedAdvisory> Held => db.ImportedAdvisories.IgnoreQueryFilters([AudienceFilters.Name]);
}
