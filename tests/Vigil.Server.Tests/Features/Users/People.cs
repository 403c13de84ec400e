using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Users;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Users;

/// <summary>A user with a password, signed in as people are: an admin-issued token, API sign-ins and page sessions.</summary>
public sealed record Person(string UserId, string Email, string Password, string? OrganisationId, string Token, HttpClient Client);

public static class People
{
    public const string Password = "correct horse battery staple";

    /// <summary>A user with <see cref="Password"/> and a token issued as an admin would (a reporter gets an organisation of its own).</summary>
    public static async Task<Person> CreateAsync(WebApplicationFactory<Program> factory, string role, string? organisationId = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        if (role == Roles.Reporter && organisationId is null)
        {
            organisationId = Guid.NewGuid().ToString();
            db.Organisations.Add(new Organisation
            {
                Id = organisationId, Name = "Org " + organisationId, Sector = "telecom", Country = "IN",
                ContactName = "Contact", ContactEmail = "contact@example.org", CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
            });
        }
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var user = accounts.Create($"{role}-{Guid.NewGuid():N}@example.org", role, organisationId, Password);
        var token = accounts.IssueToken(user.Id, "issued by an admin");
        await db.SaveChangesAsync();
        return new Person(user.Id, user.Email, Password, organisationId, token.Secret, Bearer(factory, token.Secret));
    }

    public static HttpClient Bearer(WebApplicationFactory<Program> factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A client whose every request comes from another address, as a guesser's with many would: the per-address
    /// sign-in limit never counts two of them together, so only the per-account lockout is left to stop them.
    /// </summary>
    public static HttpClient FromAnywhere(WebApplicationFactory<Program> factory) =>
        new(factory.Server.CreateHandler(context => context.Connection.RemoteIpAddress = new IPAddress(Random.Shared.NextInt64(0x0b000000, 0xdf000000))))
        {
            BaseAddress = factory.Server.BaseAddress,
        };

    /// <summary>POST /api/v1/auth/token with the given fields.</summary>
    public static Task<HttpResponseMessage> SignInAsync(WebApplicationFactory<Program> factory, string email, string password, string? totp = null) =>
        FromAnywhere(factory).PostJsonAsync("/api/v1/auth/token", System.Text.Json.JsonSerializer.Serialize(
            totp is null ? new Dictionary<string, string> { ["email"] = email, ["password"] = password }
                : new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["totp"] = totp }));

    /// <summary>A token from a successful API sign-in.</summary>
    public static async Task<string> SignedInTokenAsync(WebApplicationFactory<Program> factory, string email, string password, string? totp = null)
    {
        var response = await SignInAsync(factory, email, password, totp);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["token"]!.GetValue<string>();
    }

    /// <summary>POST /sign-in, as the page's form sends it.</summary>
    public static Task<HttpResponseMessage> PageSignInAsync(WebApplicationFactory<Program> factory, params (string Name, string Value)[] fields) =>
        PageForms.SignInAsync(FromAnywhere(factory), fields);

    /// <summary>The session cookie's secret of a successful page sign-in with the password.</summary>
    public static async Task<string> PageSessionAsync(WebApplicationFactory<Program> factory, string email, string password, string? totp = null)
    {
        var response = totp is null
            ? await PageSignInAsync(factory, ("email", email), ("password", password))
            : await PageSignInAsync(factory, ("email", email), ("password", password), ("totp", totp));
        Assert.True(response.StatusCode == HttpStatusCode.Found, await response.Content.ReadAsStringAsync());
        return PageForms.SessionOf(response);
    }

    /// <summary>A page fetched with a session cookie: 200 while the session lasts, 303 to /sign-in once it has ended.</summary>
    public static Task<HttpResponseMessage> PageAsync(WebApplicationFactory<Program> factory, string path, string sessionSecret)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{WebSessions.CookieName}={sessionSecret}");
        return PageClient(factory).SendAsync(request);
    }

    public static async Task AssertSessionEndedAsync(WebApplicationFactory<Program> factory, string path, string sessionSecret)
    {
        var page = await PageAsync(factory, path, sessionSecret);
        Assert.Equal(HttpStatusCode.SeeOther, page.StatusCode);
        Assert.Equal("/sign-in", page.Headers.Location!.OriginalString);
    }

    public static HttpClient PageClient(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public static string InventoryPage(Person reporter) => $"/organisations/{reporter.OrganisationId}/inventory";
}
