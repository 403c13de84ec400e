namespace Vigil.Server.Features.Demo;

/// <summary>
/// Loads the demo into an empty database, in the order things happened, each at its own moment on the loader's
/// clock: accounts, the CERT's note (17 May 2019), the vendor's report (20 May) and update (5 September), the
/// note's withdrawal (2 November), the figures published later, the Pegasus indicators, then the invented examples.
/// </summary>
public static class DemoLoader
{
    /// <summary>What was loaded: where to click, and whom to sign in as.</summary>
    public sealed record Loaded(string NoteId, string IncidentId, string CollectionId, IReadOnlyList<DemoAccounts.SignIn> SignIns);

    /// <summary>The loader's clock starts here, before the first thing the demo files.</summary>
    public static readonly DateTimeOffset Start = new(2019, 5, 1, 0, 0, 0, TimeSpan.FromHours(5.5));

    public static async Task<Loaded> LoadAsync(IServiceProvider services, DemoClock clock)
    {
        var steps = new DemoSteps(services, clock);
        var accounts = await DemoAccounts.CreateAsync(steps);
        var analyst = DemoSteps.As(accounts.Analyst);
        var vendor = DemoSteps.As(accounts.Vendor);

        var note = await DemoNotes.DraftAsync(steps, "2019-05-17T09:30:00+05:30", analyst, DemoNotes.Cve20193568());
        await DemoNotes.PublishAsync(steps, DemoCase2019.NotePublished, analyst, note.Id,
            "Initial release: the VoIP stack buffer overflow in WhatsApp, severity High; update the app.");
        var incident = await DemoIncidents.FileAsync(steps, DemoCase2019.Reported, vendor, DemoCase2019.Report);
        await DemoIncidents.UpdateAsync(steps, DemoCase2019.Updated, vendor, incident, DemoCase2019.Update);
        await DemoNotes.WithdrawAsync(steps, DemoCase2019.NoteWithdrawn, analyst, note.Id, DemoCase2019.WithdrawalReason);
        await DemoIncidents.UpdateAsync(steps, DemoCase2019.FiguresFiled, vendor, incident, DemoCase2019.Figures);

        var collection = await DemoIndicators.LoadAsync(steps, analyst);
        await DemoExamples.LoadAsync(steps, accounts);
        return new Loaded(note.Id, incident, collection, accounts.SignIns);
    }

}
