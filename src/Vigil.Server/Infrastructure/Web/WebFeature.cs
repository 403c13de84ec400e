using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Infrastructure.Web;

/// <summary>
/// The pages: Razor components rendered on the server (static rendering, no circuits, no WebAssembly), one layout and
/// one stylesheet, strings from resources in English and Hindi, the framework's antiforgery on every form, and a
/// content security policy that lets a page load only this site's stylesheet and script files.
/// </summary>
public static class WebFeature
{
    public const string LanguageCookie = "vigil_language";

    /// <summary>Only the site's own files; no inline script or style anywhere.</summary>
    public const string PagePolicy = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IServiceCollection AddVigilWeb(this IServiceCollection services)
    {
        services.AddRazorComponents();
        // Hindi (and every other script) is written as text, not as character references: the framework still
        // encodes what HTML gives meaning to (<, >, &, quotes), and pages stay a third of the size.
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization();
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "vigil_antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.FormFieldName = "__RequestVerificationToken";
        });
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SupportedCultures = [.. ReaderPreferences.Cultures];
            options.SupportedUICultures = [.. ReaderPreferences.Cultures];
            options.SetDefaultCulture("en");
            options.RequestCultureProviders =
            [
                new ReaderPreferences.UserCultureProvider(),
                new CookieRequestCultureProvider { CookieName = LanguageCookie },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>The stylesheet and scripts, from the assembly, before any authentication: they are for everyone.</summary>
    public static WebApplication UseVigilAssets(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new Microsoft.Extensions.FileProviders.ManifestEmbeddedFileProvider(typeof(WebFeature).Assembly, "wwwroot"),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        return app;
    }

    /// <summary>After authorisation: the language is the signed-in reader's own when it chose one.</summary>
    public static WebApplication UseVigilWeb(this WebApplication app)
    {
        app.UseRequestLocalization();
        // Before the antiforgery check reads the form: a page that takes files may take a larger body.
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<BodyLimitAttribute>() is { } limit
                && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit.MaxBytes(context.RequestServices);
            }
            return next(context);
        });
        app.UseAntiforgery();
        return app;
    }

    public static IEndpointRouteBuilder MapVigilWeb(this IEndpointRouteBuilder app)
    {
        var pages = app.MapRazorComponents<App>().WithContentSecurityPolicy(PagePolicy);
        // The framework's own endpoint beside the pages (it turns a redirect made while rendering into one a script
        // could follow) declares nothing; it serves no content, so anyone may reach it. Every page declares its policy.
        pages.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: var pattern } && pattern?.StartsWith("/_framework/", StringComparison.Ordinal) == true)
            {
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
            }
        });
        app.MapPost("/preferences/language", ChooseLanguage).RequireAuthorization(Policies.OpenPages).ExcludeFromDescription();
        return app;
    }

    /// <summary>Remembers the language for the visitor (a cookie) and, when signed in, for the user; back to where it was.</summary>
    private static async Task<IResult> ChooseLanguage(
        [FromForm(Name = "culture")] string? culture, [FromForm(Name = "return_to")] string? returnTo, HttpContext context, VigilDbContext db,
        CancellationToken cancellationToken)
    {
        if (culture is null || !ReaderPreferences.IsSupported(culture))
        {
            return TypedResults.BadRequest();
        }
        context.Response.Cookies.Append(LanguageCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, Path = "/", MaxAge = TimeSpan.FromDays(365), IsEssential = true,
        });
        if (context.User.FindFirst(WebSessions.SessionClaim) is not null)
        {
            var userId = context.User.UserId();
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Culture, culture), cancellationToken);
        }
        return TypedResults.Redirect(LocalPath(returnTo));
    }

    /// <summary>Only a path on this site: never another site's address, which would make the switch an open redirect.</summary>
    public static string LocalPath(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\')) ? path : "/";
}
