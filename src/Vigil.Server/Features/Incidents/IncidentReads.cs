using System.Security.Claims;
using System.Text.Json.Nodes;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Incidents;

/// <summary>
/// Every read of a confidential incident by someone outside its organisation (the CERT, an organisation it was shared
/// with, a person named on it) goes on the record before the answer leaves, as a leaf of the log the owning
/// organisation sees: "the CERT read this, then".
/// </summary>
public sealed class IncidentReads(EventRecorder events)
{
    public const string Kind = "incident-read";

    public async Task RecordAsync(Incident incident, string what, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!TlpAudience.IsRecordedRead(RequestAudience.ReaderOf(user), incident.Tlp, incident.OrganisationId))
        {
            return;
        }
        var details = new JsonObject { ["read"] = what, ["tlp"] = incident.Tlp };
        await events.RecordAsync(new EventRecorder.Event(Kind, AudienceFilters.Incident, incident.Id, details, incident.OrganisationId, OrganisationMayRead: true),
            user, cancellationToken);
    }
}
