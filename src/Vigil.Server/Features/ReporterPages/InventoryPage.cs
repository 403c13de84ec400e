using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Affected;
using Vigil.Server.Features.Inventory;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;
using static Vigil.Server.Features.ReporterPages.PageHtml;

namespace Vigil.Server.Features.ReporterPages;

/// <summary>
/// An organisation's page: what affects it now (each document, the component, how it matched, why, and what to do),
/// the form to replace its inventory with an SBOM, and the inventory itself. Its reporters and CERT staff may see it.
/// </summary>
public static class InventoryPage
{
    /// <summary>/inventory: a reporter's own organisation; staff choose one.</summary>
    public static async Task<IResult> Home(ClaimsPrincipal user, VigilDbContext db, CancellationToken cancellationToken)
    {
        if (user.Role() == Roles.Reporter && user.OrganisationId() is { } own)
        {
            return SignInPage.SeeOther($"/organisations/{Uri.EscapeDataString(own)}/inventory");
        }
        if (user.Role() is not (Roles.Analyst or Roles.Admin))
        {
            return Page(Start("Not available").Append("<h1>Not available</h1>\n<p>Inventories are for reporters and CERT staff.</p>\n"), StatusCodes.Status403Forbidden);
        }
        var html = Start("Organisations").Append("<h1>Organisations</h1>\n<ul>\n");
        foreach (var organisation in await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/organisations/{E(Uri.EscapeDataString(organisation.Id))}/inventory\">{E(organisation.Name)}</a></li>\n");
        }
        return Page(html.Append("</ul>\n"));
    }

    public static async Task<IResult> Show(
        string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, InventoryStore store, ExposureCheck check, CancellationToken cancellationToken) =>
        await InventoryAccess.MayUseAsync(user, id, db, cancellationToken)
            ? await RenderAsync(id, request, user, db, store, check, [], StatusCodes.Status200OK, cancellationToken)
            : NotFound();

    public static async Task<IResult> Upload(
        string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, InventoryStore store, ExposureCheck check, CancellationToken cancellationToken)
    {
        if (!await InventoryAccess.MayUseAsync(user, id, db, cancellationToken))
        {
            return NotFound();
        }
        InventoryBody.AllowLargeBody(request);
        var read = await PageForm.ReadAsync(request, cancellationToken);
        if (read.Problem is not null)
        {
            return await RenderAsync(id, request, user, db, store, check, [new FieldError("", read.Problem)], read.Status, cancellationToken);
        }
        if (read.Form is not { } form || !WebSessions.IsSameOrigin(request) || !WebSessions.CsrfTokenMatches(request, form["csrf"].ToString()))
        {
            return await RenderAsync(id, request, user, db, store, check, [new FieldError("", "The upload must be sent from this page; reload it and try again.")],
                StatusCodes.Status403Forbidden, cancellationToken);
        }
        if (form.Files.GetFile("sbom") is not { Length: > 0 } file)
        {
            return await RenderAsync(id, request, user, db, store, check, [new FieldError("", "Choose a CycloneDX JSON SBOM or a product list to upload.")],
                StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }
        if (file.Length > InventoryBody.MaxBytes)
        {
            return await RenderAsync(id, request, user, db, store, check, [new FieldError("", $"The file is larger than {InventoryBody.MaxBytes} bytes.")],
                StatusCodes.Status413PayloadTooLarge, cancellationToken);
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var (document, problem) = JsonBody.Parse(buffer.ToArray());
        if (problem is not null)
        {
            return await RenderAsync(id, request, user, db, store, check, [new FieldError("", "The file is not well-formed JSON.")],
                StatusCodes.Status400BadRequest, cancellationToken);
        }
        using (document)
        {
            var (inventory, errors) = InventoryBody.From(document!.RootElement);
            if (errors.Count > 0)
            {
                return await RenderAsync(id, request, user, db, store, check, errors, StatusCodes.Status422UnprocessableEntity, cancellationToken);
            }
            await store.ReplaceAsync(id, user.UserId(), inventory!, cancellationToken);
        }
        return SignInPage.SeeOther($"/organisations/{Uri.EscapeDataString(id)}/inventory");
    }

    private static async Task<IResult> RenderAsync(
        string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, InventoryStore store, ExposureCheck check,
        IReadOnlyList<FieldError> errors, int status, CancellationToken cancellationToken)
    {
        var name = await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleAsync(cancellationToken);
        var stored = await store.LoadAsync(id, cancellationToken);
        var csrf = WebSessions.SecretOf(request) is { } secret ? WebSessions.CsrfToken(secret) : "";
        var html = Start($"{name}: inventory and exposure");
        html.Append(CultureInfo.InvariantCulture, $"<nav class=\"meta\">Signed in as {E(user.FindFirstValue(ClaimTypes.Email))} · <a href=\"/notes\">Notes</a> · ")
            .Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/sign-out\"><input type=\"hidden\" name=\"csrf\" value=\"{E(csrf)}\"><button type=\"submit\">Sign out</button></form></nav>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>{E(name)}</h1>\n");
        if (stored is null)
        {
            html.Append("<p>No inventory yet: upload what the organisation runs to see which notes and advisories affect it.</p>\n");
        }
        else
        {
            ExposureSection.Append(html, await check.CheckAsync(user, stored.Components, cancellationToken));
        }
        UploadForm(html, id, csrf, errors);
        if (stored is not null)
        {
            Inventory(html, stored);
        }
        return Page(html, status);
    }

    private static void UploadForm(StringBuilder html, string id, string csrf, IReadOnlyList<FieldError> errors)
    {
        html.Append("<h2>Replace the inventory</h2>\n");
        if (errors.Count > 0)
        {
            html.Append("<div class=\"errors\" role=\"alert\"><p>The upload was refused; the inventory is unchanged.</p><ul>\n");
            foreach (var error in errors)
            {
                html.Append("<li>").Append(error.Pointer.Length > 0 ? $"<code>{E(error.Pointer)}</code>: " : "").Append(E(error.Detail)).Append("</li>\n");
            }
            html.Append("</ul></div>\n");
        }
        html.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/organisations/{E(Uri.EscapeDataString(id))}/inventory\" enctype=\"multipart/form-data\">\n")
            .Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"csrf\" value=\"{E(csrf)}\">\n")
            .Append("<p><label>CycloneDX JSON SBOM (1.4 to 1.6) or product list <input type=\"file\" name=\"sbom\" accept=\".json,application/json\" required></label></p>\n")
            .Append("<p><button type=\"submit\">Upload and replace</button></p>\n</form>\n");
    }

    private static void Inventory(StringBuilder html, InventoryStore.Stored stored)
    {
        html.Append(CultureInfo.InvariantCulture,
            $"<h2>Inventory</h2>\n<p class=\"meta\">{stored.Header.ComponentCount} components from a {E(stored.Header.Format)} upload, {stored.Header.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.</p>\n")
            .Append("<table id=\"inventory\"><tr><th>Component</th><th>Vendor</th><th>Version</th><th>purl</th><th>CPE</th></tr>\n");
        foreach (var item in stored.Items)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(item.Name)}</td><td>{E(item.Vendor)}</td><td>{E(item.Version)}</td><td><code>{E(item.Purl)}</code></td><td><code>{E(item.Cpe)}</code></td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static IResult NotFound() =>
        Page(Start("Not found").Append("<h1>Not found</h1>\n<p>There is no organisation here that you may see.</p>\n"), StatusCodes.Status404NotFound);
}
