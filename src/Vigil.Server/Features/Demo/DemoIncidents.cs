using System.Security.Claims;
using Vigil.Data;
using Vigil.Domain.Regimes;
using Vigil.Server.Features.Incidents;
using Vigil.Server.Features.Requests;

namespace Vigil.Server.Features.Demo;

/// <summary>Incidents as reporters file them and analysts handle them, through the handlers the API runs.</summary>
public static class DemoIncidents
{
    public static Task<string> FileAsync(DemoSteps steps, string at, ClaimsPrincipal reporter, string body) =>
        steps.AtAsync(at, async services =>
        {
            var (appended, errors) = await SubmitReport.FileAsync(DemoSteps.Body(body), reporter, services.GetRequiredService<SubmissionAppender>(),
                services.GetRequiredService<RegimeCatalog>(), services.GetRequiredService<TimeProvider>(), CancellationToken.None);
            return appended?.Incident.Id ?? throw DemoSteps.Refused("report at " + at, null, errors);
        });

    public static Task UpdateAsync(DemoSteps steps, string at, ClaimsPrincipal reporter, string id, string body) =>
        steps.AtAsync(at, async services =>
        {
            var outcome = await SubmitUpdate.AppendAsync(id, DemoSteps.Body(body), reporter, services.GetRequiredService<VigilDbContext>(),
                services.GetRequiredService<SubmissionAppender>(), services.GetRequiredService<RegimeCatalog>(), services.GetRequiredService<TimeProvider>(),
                CancellationToken.None);
            return outcome.Appended ?? throw DemoSteps.Refused("update at " + at, null, outcome.Errors);
        });

    public static Task StatusAsync(DemoSteps steps, string at, ClaimsPrincipal analyst, string id, string current, string body) =>
        steps.AtAsync(at, async services => DemoSteps.Expect<SubmissionAccepted>((await ChangeStatus.ChangeAsync(id, current, DemoSteps.Body(body), analyst,
            services.GetRequiredService<VigilDbContext>(), services.GetRequiredService<SubmissionAppender>(), services.GetRequiredService<TimeProvider>(),
            CancellationToken.None)).Result, "status at " + at));

    public static Task AssignAsync(DemoSteps steps, string at, ClaimsPrincipal analyst, string id, string body) =>
        steps.AtAsync(at, async services => DemoSteps.Expect<SubmissionAccepted>((await AssignIncident.AssignAsync(id, DemoSteps.Body(body), analyst,
            services.GetRequiredService<VigilDbContext>(), services.GetRequiredService<SubmissionAppender>(), services.GetRequiredService<TimeProvider>(),
            CancellationToken.None)).Result, "assignment at " + at));

    public static Task<long> RequestAsync(DemoSteps steps, string at, ClaimsPrincipal analyst, string id, string body) =>
        steps.AtAsync(at, async services =>
        {
            var db = services.GetRequiredService<VigilDbContext>();
            var view = db.Incidents.Where(i => i.Id == id).Select(i => i.View).Single();
            var opened = DemoSteps.Expect<RequestOpened>((await InformationRequests.OpenAsync(id, view, DemoSteps.Body(body), analyst, db,
                services.GetRequiredService<SubmissionAppender>(), services.GetRequiredService<RegimeCatalog>(), services.GetRequiredService<TimeProvider>(),
                CancellationToken.None)).Result, "request at " + at);
            return opened.Request.Id;
        });
}
