using Vigil.Server.Features.Affected;
using Vigil.Server.Features.Attachments;
using Vigil.Server.Features.Advisories;
using Vigil.Server.Features.Aggregation;
using Vigil.Server.Features.ApiReference;
using Vigil.Server.Features.Compliance;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Features.Demo;
using Vigil.Server.Features.Events;
using Vigil.Server.Features.Health;
using Vigil.Server.Features.Home;
using Vigil.Server.Features.Incidents;
using Vigil.Server.Features.InboundMail;
using Vigil.Server.Features.Inventory;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Features.Indicators;
using Vigil.Server.Features.NoteExports;
using Vigil.Server.Features.Notes;
using Vigil.Server.Features.Notifications.Mail;
using Vigil.Server.Features.Notifications.Dispatch;
using Vigil.Server.Features.OidcSignIn;
using Vigil.Server.Features.Organisations;
using Vigil.Server.Features.Regimes;
using Vigil.Server.Features.Reminders;
using Vigil.Server.Features.ReporterPages;
using Vigil.Server.Features.Requests;
using Vigil.Server.Features.Sharing;
using Vigil.Server.Features.Users;
using Vigil.Server.Features.Notifications.Subscriptions;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;
using Vigil.Server.Infrastructure.Web;

// --demo: the 2019 case loaded into an empty database before the server starts (Features/Demo).
if (args.Contains(DemoStartup.Flag))
{
    args = DemoStartup.WithDemoOrigin(args.Where(a => a != DemoStartup.Flag));
    if (await DemoStartup.LoadAsync(args, Console.Out, Console.Error, CancellationToken.None) is not 0 and var refused)
    {
        return refused;
    }
}
var app = Program.BuildApp(args);
// A start that cannot proceed exits rather than hangs, and quietly: its one critical line says why.
if (!await DatabaseStartup.BeforeHostAsync(app, CancellationToken.None))
{
    return 1;
}
await app.RunAsync();
return 0;

public partial class Program
{
    /// <summary>The whole server; also started by the CLI's `vigil serve`.</summary>
    public static WebApplication BuildApp(string[] args) => BuildApp(args, _ => { });

    /// <summary>The server with its registrations adjusted last: the demo's loading host sets its own clock so.</summary>
    public static WebApplication BuildApp(string[] args, Action<IServiceCollection> adjust)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            // Loopback only unless the operator says otherwise: Vigil belongs behind a TLS-terminating proxy.
            builder.WebHost.UseUrls("http://127.0.0.1:5080");
        }
        // Quiet by default wherever Vigil is started from; appsettings.json or environment variables may say otherwise.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        builder.Services.AddVigilHttp();
        builder.Services.AddTrustedProxies(builder.Configuration);
        builder.Services.AddRegimes();
        builder.Services.AddVigilStorage();
        builder.Services.AddVigilSecurity();
        builder.Services.AddApiReference();
        builder.Services.AddHome();
        builder.Services.AddHealth();
        builder.Services.AddUsers();
        builder.Services.AddOrganisations();
        builder.Services.AddLedger();
        builder.Services.AddEvents();
        builder.Services.AddIncidents();
        builder.Services.AddAttachments();
        builder.Services.AddIndicators();
        builder.Services.AddReminders();
        builder.Services.AddNotes();
        builder.Services.AddCsaf();
        builder.Services.AddAffected();
        builder.Services.AddInventory();
        builder.Services.AddReporterPages();
        builder.Services.AddOidcSignIn(builder.Configuration);
        builder.Services.AddVigilWeb();
        builder.Services.AddNoteExports();
        builder.Services.AddAdvisories();
        builder.Services.AddAggregation();
        builder.Services.AddNotificationMail(builder.Configuration);
        builder.Services.AddSubscriptions();
        builder.Services.AddInboundMail();
        builder.Services.AddNotificationDispatch();

        adjust(builder.Services);
        var app = builder.Build();

        app.UseTrustedProxies();
        app.UseSecurityHeaders();
        // The stylesheet and scripts are for everyone: served before any authentication, never as endpoints.
        app.UseVigilAssets();
        app.UseVigilErrors();
        app.UseAuthentication();
        app.UseVigilRateLimits();
        app.UseAuthorization();
        app.UseVigilWeb();

        app.MapHealth();
        app.MapApiReference();
        app.MapUsers();
        app.MapOrganisations();
        app.MapIncidents();
        app.MapAttachments();
        app.MapRegimes();
        app.MapRequests();
        app.MapCompliance();
        app.MapReminders();
        app.MapLedger();
        app.MapEvents();
        app.MapSharing();
        app.MapIndicators();
        app.MapNotes();
        app.MapCsaf();
        app.MapAffected();
        app.MapInventory();
        app.MapReporterPages();
        app.MapOidcSignIn();
        app.MapNoteExports();
        app.MapAdvisories();
        app.MapAggregation();
        app.MapNotificationMail();
        app.MapSubscriptions();
        app.MapInboundMail();
        app.MapNotificationDispatch();
        app.MapVigilWeb();

        return app;
    }
}
