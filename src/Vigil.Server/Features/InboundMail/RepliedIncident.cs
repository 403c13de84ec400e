using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Vigil.Data;

namespace Vigil.Server.Features.InboundMail;

/// <summary>
/// The incident a message replies to, if it names one of its sender's organisation: by a subject tag
/// "[Vigil #&lt;incident id&gt;]", or by In-Reply-To / References naming an earlier message confirmed into that incident.
/// An incident of another organisation is never named: such a message becomes a new draft, not an update of it.
/// </summary>
public static partial class RepliedIncident
{
    [GeneratedRegex(@"\[Vigil #([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\]", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectTag();

    /// <summary>The tag a subject carries to name an incident.</summary>
    public static string Tag(string incidentId) => $"[Vigil #{incidentId}]";

    public static async Task<string?> FindAsync(VigilDbContext db, MimeMessage message, string organisationId, CancellationToken cancellationToken)
    {
        if (SubjectTag().Match(message.Subject ?? "") is { Success: true } tagged)
        {
            var id = tagged.Groups[1].Value.ToLowerInvariant();
            if (await db.Incidents.AnyAsync(i => i.Id == id && i.OrganisationId == organisationId, cancellationToken))
            {
                return id;
            }
        }
        var referenced = message.References.Append(message.InReplyTo).OfType<string>().Select(Bracketed).Distinct().ToList();
        if (referenced.Count == 0)
        {
            return null;
        }
        return await db.InboundMessages.AsNoTracking()
            .Where(m => m.MessageId != null && referenced.Contains(m.MessageId) && m.IncidentId != null && m.OrganisationId == organisationId)
            .OrderByDescending(m => m.ReceivedAt).Select(m => m.IncidentId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Message ids are kept as mail writes them, in angle brackets; MimeKit hands them over without.</summary>
    public static string Bracketed(string id) => id.StartsWith('<') ? id : $"<{id}>";
}
