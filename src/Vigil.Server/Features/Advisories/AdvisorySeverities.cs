using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Csaf.Cvss;
using Vigil.Csaf.Validation;
using Vigil.Data;

namespace Vigil.Server.Features.Advisories;

/// <summary>
/// Each imported advisory's severity as its document says (<see cref="CsafSeverity"/>), read once per advisory and kept:
/// a stored document never changes, so neither does its severity. A list reads only the documents not read yet.
/// </summary>
public sealed class AdvisorySeverities
{
    private const int ChunkSize = 200;

    private readonly ConcurrentDictionary<long, string?> _byId = new();

    /// <summary>The severity of one document's bytes.</summary>
    public string? Of(long id, byte[] content) => _byId.GetOrAdd(id, _ => Read(content));

    /// <summary>The severities of the advisories <paramref name="ids"/> (which the caller has read through the audience filter).</summary>
    public async Task<IReadOnlyDictionary<long, string?>> OfAsync(VigilDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Where(id => !_byId.ContainsKey(id)).Chunk(ChunkSize))
        {
            var documents = await db.ImportedAdvisories.AsNoTracking().Where(a => chunk.Contains(a.Id))
                .Select(a => new { a.Id, a.Content }).ToListAsync(cancellationToken);
            foreach (var document in documents)
            {
                _byId.TryAdd(document.Id, Read(document.Content));
            }
        }
        return ids.ToDictionary(id => id, id => _byId.GetValueOrDefault(id));
    }

    private static string? Read(byte[] content)
    {
        // Stored documents passed the validator, which parses them with these options.
        using var document = JsonDocument.Parse(content, CsafValidator.DocumentOptions);
        return CsafSeverity.Of(document.RootElement);
    }
}
