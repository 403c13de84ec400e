using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Geography;
using Vigil.Domain.Incidents;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Events;

namespace Vigil.Server.Features.Organisations;

/// <summary>
/// Registering an organisation and changing its point of contact, shared by the API and the administrator's pages:
/// the same strict reading, the same checks, the same event on the record (which the organisation may read).
/// </summary>
public sealed class OrganisationAdministration(VigilDbContext db, EventRecorder events, TimeProvider clock)
{
    public const string ContactChanged = "organisation-contact-changed";

    private sealed record Contact(string? Name, string? Role, string? Email, string? Phone);

    /// <summary><c>{name, sector, country, point_of_contact}</c>: the organisation added, or the errors by JSON pointer.</summary>
    public async Task<(Organisation? Organisation, IReadOnlyList<FieldError> Errors)> CreateAsync(JsonElement body, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var reader = new JsonFieldReader(clock.GetUtcNow());
        string? name = null, sector = null, country = null;
        Contact? contact = null;
        reader.Object(body, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
        {
            ["name"] = (v, p) => name = reader.String(v, p, IncidentFields.MaxShortText),
            ["sector"] = (v, p) => sector = reader.String(v, p, 100),
            ["country"] = (v, p) =>
            {
                country = reader.String(v, p, 2);
                if (country is not null && !CountryCode.IsAssigned(country))
                {
                    reader.Fail(p, $"'{country}' is not an ISO 3166-1 alpha-2 country code");
                }
            },
            ["point_of_contact"] = (v, p) => contact = ReadContact(reader, v, p),
        }, "name", "sector", "country", "point_of_contact");
        if (name is not null && await db.Organisations.AnyAsync(o => o.Name == name, cancellationToken))
        {
            reader.Fail("/name", $"an organisation named '{name}' already exists");
        }
        if (reader.Errors.Count > 0)
        {
            return (null, reader.Errors);
        }
        var now = clock.GetUtcNow();
        var organisation = new Organisation
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Name = name!,
            Sector = sector!,
            Country = country!,
            ContactName = contact!.Name!,
            ContactRole = contact.Role,
            ContactEmail = contact.Email!,
            ContactPhone = contact.Phone,
            CreatedAt = now,
        };
        db.Organisations.Add(organisation);
        Notifications.Subscriptions.DefaultSubscriptions.Add(db, organisation.Id, now);
        // On the record, where the organisation itself can read it.
        await events.RecordAsync(new EventRecorder.Event("organisation-created", "organisation", organisation.Id,
            new JsonObject { ["name"] = organisation.Name, ["sector"] = organisation.Sector, ["country"] = organisation.Country },
            organisation.Id, OrganisationMayRead: true), actor, cancellationToken);
        return (organisation, []);
    }

    /// <summary>
    /// <c>{name, role?, email, phone?}</c>: the new point of contact. Null with no errors when there is no such
    /// organisation. The record names which parts changed, not the person's details.
    /// </summary>
    public async Task<(Organisation? Organisation, IReadOnlyList<FieldError> Errors)> ChangeContactAsync(
        string id, JsonElement body, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var reader = new JsonFieldReader(clock.GetUtcNow());
        var contact = ReadContact(reader, body, JsonPointer.Root);
        if (reader.Errors.Count > 0)
        {
            return (null, reader.Errors);
        }
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return (null, []);
        }
        var changed = new JsonArray();
        if (organisation.ContactName != contact!.Name) { changed.Add("name"); }
        if (organisation.ContactRole != contact.Role) { changed.Add("role"); }
        if (organisation.ContactEmail != contact.Email) { changed.Add("email"); }
        if (organisation.ContactPhone != contact.Phone) { changed.Add("phone"); }
        if (changed.Count == 0)
        {
            return (organisation, []);
        }
        organisation.ContactName = contact.Name!;
        organisation.ContactRole = contact.Role;
        organisation.ContactEmail = contact.Email!;
        organisation.ContactPhone = contact.Phone;
        await events.RecordAsync(new EventRecorder.Event(ContactChanged, "organisation", organisation.Id,
            new JsonObject { ["changed"] = changed }, organisation.Id, OrganisationMayRead: true), actor, cancellationToken);
        return (organisation, []);
    }

    private static Contact? ReadContact(JsonFieldReader reader, JsonElement value, string pointer)
    {
        string? name = null, role = null, email = null, phone = null;
        var before = reader.Errors.Count;
        reader.Object(value, pointer, new Dictionary<string, Action<JsonElement, string>>
        {
            ["name"] = (v, p) => name = reader.String(v, p, IncidentFields.MaxShortText),
            ["role"] = (v, p) => role = reader.String(v, p, IncidentFields.MaxShortText),
            ["email"] = (v, p) => email = reader.Email(v, p),
            ["phone"] = (v, p) => phone = reader.Phone(v, p),
        }, "name", "email");
        return reader.Errors.Count > before ? null : new Contact(name, role, email, phone);
    }
}
