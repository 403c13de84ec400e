using System.Text;
using System.Text.Json.Nodes;
using Vigil.Server.Tests.Features.Affected;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Security;

/// <summary>A body an endpoint would take, to be broken; Strict when the endpoint refuses members it does not know.</summary>
public sealed record SampleBody(byte[] Json, bool Strict);

/// <summary>
/// What the malformed-body test knows of each write endpoint of the route table: a body it takes (JSON or a page's
/// form), or that it takes none. A new write endpoint must be added here; the test names any that is not.
/// </summary>
public static class WriteEndpoints
{
    public static readonly IReadOnlySet<string> Methods = new HashSet<string> { "POST", "PUT", "PATCH", "DELETE" };

    /// <summary>The things an AMBER share or a RED reader can be added to.</summary>
    private static readonly string[] SharedThings = ["/api/v1/incidents/{id}", "/api/v1/notes/{id}", "/api/v1/indicator-collections/{id}", "/api/v1/advisories/{id:long}"];

    /// <summary>
    /// Endpoints with nothing to break: they read no body (one sent to them is ignored and they act), or they keep
    /// whatever bytes they are sent (an attachment's upload).
    /// </summary>
    public static readonly IReadOnlySet<string> WithoutBody = new HashSet<string>(
    [
        "DELETE /api/v1/tokens/{id}",
        "DELETE /api/v1/indicator-collections/{id}/indicators/{indicatorId}",
        "POST /api/v1/advisories/providers/{id:long}/runs",
        "POST /sign-out",
        "POST /api/v1/users/{id}/enable",
        "POST /api/v1/users/{id}/password-reset",
        "POST /api/v1/users/{id}/sessions/end",
        "POST /api/v1/me/sessions/end",
        "POST /api/v1/me/totp/",
        "DELETE /api/v1/users/{id}/totp",
        "POST /api/v1/attachments",
        "DELETE /api/v1/me/openpgp-key/",
        "DELETE /api/v1/organisations/{id}/contact/openpgp-key/",
        "POST /notifications/unsubscribe/",
        "DELETE /api/v1/subscriptions/{id:long}",
        "DELETE /api/v1/webhooks/{id}",
        "POST /api/v1/notifications/deliveries/{id:guid}/resend",
        .. SharedThings.Select(thing => $"DELETE {thing}/shares/{{organisationId}}"),
        .. SharedThings.Select(thing => $"DELETE {thing}/readers/{{userId}}"),
    ]);

    /// <summary>Pages that take a form (and answer with a page, not problem+json).</summary>
    public static readonly IReadOnlySet<string> Forms = new HashSet<string>
    {
        "POST /sign-in", "POST /organisations/{id}/inventory", "POST /incidents/new/preview", "POST /incidents/new/attachments",
    };

    /// <summary>A page's form post: a component's, or an endpoint that reads a form (sign-out, the language switch).</summary>
    public static bool IsForm(RouteEntry route) => route.TakesForm || Forms.Contains(route.ToString());

    public static IReadOnlyDictionary<string, SampleBody> Samples(SeededWorld world)
    {
        var note = NoteSamples.Minimal("Fuzzed note");
        var samples = new Dictionary<string, SampleBody>
        {
            ["POST /api/v1/incidents/"] = Strict(Api.Report()),
            ["POST /api/v1/incidents/preview"] = Strict(Api.Report()),
            ["POST /api/v1/incidents/{id}/updates"] = Strict("""{"narrative": "The relay servers are patched."}"""),
            ["POST /api/v1/incidents/{id}/status"] = Strict("""{"status": "triaged", "reason": "Confirmed by the vendor."}"""),
            ["POST /api/v1/incidents/{id}/assignment"] = Strict($$"""{"assignee_id": "{{world.Analyst.UserId}}", "reason": "On call."}"""),
            ["POST /api/v1/incidents/{id}/requests/"] = Strict("""{"question": "How many users in India?", "due_at": "2026-12-02T10:00:00Z", "wanted_fields": ["affected_users.by_country"]}"""),
            ["POST /api/v1/notes/"] = Strict(note.ToJsonString()),
            ["PUT /api/v1/notes/{id}"] = Strict(note.ToJsonString()),
            ["POST /api/v1/notes/{id}/publication"] = Strict("""{"summary": "First publication."}"""),
            ["POST /api/v1/notes/{id}/revisions"] = Strict(new JsonObject { ["summary"] = "Fixed versions", ["significance"] = "minor", ["note"] = note.DeepClone() }.ToJsonString()),
            ["POST /api/v1/notes/{id}/withdrawal"] = Strict("""{"reason": "Duplicate of another note."}"""),
            ["POST /api/v1/advisories/import"] = Lenient(CsafSamples.WhatsApp2019().ToJsonString()),
            ["POST /api/v1/advisories/providers/"] = Strict("""{"url": "https://csaf.example/.well-known/csaf/provider-metadata.json"}"""),
            ["POST /api/v1/affected/"] = Lenient(Products),
            ["PUT /api/v1/organisations/{id}/inventory"] = Lenient(Products),
            ["POST /api/v1/auth/token"] = Strict("""{"email": "someone@example.org", "password": "a long enough password"}"""),
            ["POST /api/v1/indicator-collections/"] = Strict("""{"name": "Fuzzed collection", "tlp": "CLEAR"}"""),
            ["PATCH /api/v1/indicator-collections/{id}"] = Strict("""{"name": "Renamed collection", "malware": ["Pegasus"]}"""),
            ["POST /api/v1/indicator-collections/{id}/indicators"] = Strict("""{"indicators": [{"pattern": "[domain-name:value = 'fuzz.example']"}]}"""),
            ["POST /api/v1/indicator-collections/{id}/incident-indicators"] = Strict($$"""{"incident_id": "{{world.IncidentId}}"}"""),
            ["POST /api/v1/indicator-collections/{id}/bundles"] = Lenient(Bundle),
            ["POST /api/v1/organisations/"] = Strict("""{"name": "Fuzzed Bank", "sector": "banking", "country": "IN", "point_of_contact": {"name": "A. Person", "email": "soc@bank.example"}}"""),
            ["PUT /api/v1/organisations/{id}/contact"] = Strict("""{"name": "B. Person", "role": "CISO", "email": "ciso@bank.example", "phone": "+91 11 2436 8551"}"""),
            ["POST /api/v1/users/"] = Strict("""{"email": "new-analyst@cert.example", "role": "analyst"}"""),
            ["POST /api/v1/users/{id}/tokens"] = Strict("""{"name": "ci", "expires_at": "2027-01-01T00:00:00Z"}"""),
            ["POST /api/v1/me/tokens/"] = Strict("""{"name": "ci", "expires_at": "2027-01-01T00:00:00Z"}"""),
            ["POST /api/v1/users/{id}/disable"] = Strict("""{"reason": "Left the organisation."}"""),
            ["PUT /api/v1/users/{id}/role"] = Strict("""{"role": "analyst", "organisation_id": null}"""),
            ["POST /api/v1/me/password"] = Strict("""{"current_password": "the old password", "new_password": "a new long password"}"""),
            ["POST /api/v1/auth/password-reset"] = Strict("""{"code": "ABCDEFGHIJKLMNOP", "new_password": "a new long password"}"""),
            ["POST /api/v1/me/totp/confirm"] = Strict("""{"code": "123456"}"""),
            ["PUT /api/v1/advisories/namespaces/"] = Strict("""{"namespace": "https://vendor.example", "provider_id": 1}"""),
            ["POST /api/v1/incidents/{id}/remarks"] = Strict("""{"text": "Vendor confirmed by phone."}"""),
            ["POST /api/v1/indicator-collections/{id}/indicators/{indicatorId}/release"] = Strict("""{"tlp": "CLEAR", "reason": "Published by the vendor."}"""),
            ["PUT /api/v1/me/openpgp-key/"] = Strict("""{"key": "-----BEGIN PGP PUBLIC KEY BLOCK-----"}"""),
            ["PUT /api/v1/organisations/{id}/contact/openpgp-key/"] = Strict("""{"key": "-----BEGIN PGP PUBLIC KEY BLOCK-----"}"""),
            ["POST /api/v1/subscriptions/"] = Strict("""{"event_type": "note.published", "channel": "email"}"""),
            ["PATCH /api/v1/subscriptions/{id:long}"] = Strict("""{"enabled": false}"""),
            ["POST /api/v1/webhooks/"] = Strict("""{"url": "https://hooks.example.org/vigil", "description": "SOC intake"}"""),
            ["POST /api/v1/webhooks/{id}/rotate"] = Strict("""{"overlap": "PT1H"}"""),
        };
        foreach (var thing in SharedThings)
        {
            samples[$"POST {thing}/shares"] = Strict($$"""{"organisation_id": "{{world.Reporter.OrganisationId}}"}""");
            samples[$"POST {thing}/readers"] = Strict($$"""{"user_id": "{{world.Analyst.UserId}}"}""");
        }
        samples["POST /api/v1/inbound-mail/{id}/confirm"] = Strict("""{"category": "malicious-code", "detected_at": "2026-11-29T09:00:00+05:30"}""");
        samples["POST /api/v1/inbound-mail/{id}/reject"] = Strict("""{"reason": "Not an incident."}""");
        samples["POST /api/v1/inbound-mail/{id}/discard"] = Strict("""{"reason": "Spam."}""");
        samples["POST /api/v1/inbound-mail/{id}/assign"] = Strict($$"""{"organisation_id": "{{world.Reporter.OrganisationId}}"}""");
        return samples;
    }

    private const string Products = """{"products": [{"vendor": "WhatsApp", "product": "WhatsApp for Android", "version": "2.19.100"}]}""";

    private const string Bundle = """
        {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
          {"type": "indicator", "spec_version": "2.1", "id": "indicator--6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
           "created": "2019-05-13T00:00:00Z", "modified": "2019-05-13T00:00:00Z", "valid_from": "2019-05-13T00:00:00Z",
           "pattern_type": "stix", "pattern": "[domain-name:value = 'fuzz.example']"}]}
        """;

    private static SampleBody Strict(string json) => new(Compact(json), true);

    private static SampleBody Lenient(string json) => new(Compact(json), false);

    // One line without surrounding space: every proper prefix of it is unfinished JSON.
    private static byte[] Compact(string json) => Encoding.UTF8.GetBytes(JsonNode.Parse(json)!.ToJsonString());
}
