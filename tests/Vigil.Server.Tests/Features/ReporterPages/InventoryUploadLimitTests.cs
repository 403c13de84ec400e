using System.Globalization;
using System.Net;
using Vigil.Server.Features.Affected;
using Vigil.Server.Features.ReporterPages;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Affected;
using Vigil.Server.Tests.Infrastructure;
using static Vigil.Server.Tests.Features.ReporterPages.PageClient;

namespace Vigil.Server.Tests.Features.ReporterPages;

/// <summary>
/// The upload page takes SBOMs as large as the API does, on Kestrel as it runs for real: the server refuses any body
/// over 1 MiB, and only the page's own endpoint limits ([RequestSizeLimit], [RequestFormLimits] on the component)
/// let a larger one through. The framework applies that metadata to component endpoints too.
/// </summary>
public sealed class InventoryUploadLimitTests(RunningServer server) : IClassFixture<RunningServer>
{
    [Fact]
    public async Task An_SBOM_larger_than_the_servers_body_limit_is_taken_and_one_larger_than_the_APIs_limit_is_refused_unchanged()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.Address };
        var reporter = await Seed.UserAsync(server.Services, Roles.Reporter);
        var session = Session(await SignInAsync(client, reporter.Token));
        var path = InventoryPath(reporter.OrganisationId);
        var antiforgery = await AntiforgeryAsync(client, path, session);

        // Valid JSON padded with white space: twice what the server takes from any other request.
        var large = AffectedSamples.Sbom("1.6") + new string(' ', 2 * JsonBody.MaxBytes);
        var taken = await client.SendAsync(Upload(path, large, antiforgery, session));
        Assert.Equal(HttpStatusCode.SeeOther, taken.StatusCode);

        var tooLarge = await client.SendAsync(Upload(path, "{\"products\": []}" + new string(' ', InventoryBody.MaxBytes), antiforgery, session));
        var tooLargePage = await tooLarge.Content.ReadAsStringAsync();
        Assert.True(tooLarge.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"a file over the limit: {(int)tooLarge.StatusCode} {tooLargePage}");
        Assert.Contains($"The file is larger than {InventoryBody.MaxBytes.ToString("N0", CultureInfo.GetCultureInfo("en"))} bytes.", tooLargePage, StringComparison.Ordinal);

        // Over the form's limit the server refuses before the body is sent (the client waits for "100 Continue" first):
        // the framework's antiforgery check, which reads the form first, takes the unreadable form as having no token.
        var over = Upload(path, new string(' ', (int)InventoryUpload.MaxFormBytes), antiforgery, session);
        over.Headers.ExpectContinue = true;
        var overForm = await client.SendAsync(over);
        Assert.True(overForm.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"a form over the limit: {(int)overForm.StatusCode}");

        var page = await (await GetAsync(client, path, session)).Content.ReadAsStringAsync();
        Assert.Contains("Field phone image", page, StringComparison.Ordinal);
    }
}
