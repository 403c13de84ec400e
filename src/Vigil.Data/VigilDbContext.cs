using Microsoft.EntityFrameworkCore;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;

namespace Vigil.Data;

/// <summary>
/// Vigil's one model. Each database provider has a subclass with its own migrations, so SQLite and PostgreSQL
/// can each get the column types that suit them. Every labelled table is read through <see cref="AudienceFilters"/>,
/// bound to the reader <paramref name="audience"/> names (none: Vigil itself, which reads everything).
/// </summary>
public abstract class VigilDbContext(DbContextOptions options, IAudienceSource? audience) : DbContext(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<LedgerLeaf> LedgerLeaves => Set<LedgerLeaf>();
    public DbSet<LedgerNode> LedgerNodes => Set<LedgerNode>();
    public DbSet<LedgerState> LedgerStates => Set<LedgerState>();
    public DbSet<LedgerCheckpoint> LedgerCheckpoints => Set<LedgerCheckpoint>();
    public DbSet<WitnessCosignature> WitnessCosignatures => Set<WitnessCosignature>();
    public DbSet<IndicatorCollection> IndicatorCollections => Set<IndicatorCollection>();
    public DbSet<CollectionIndicator> CollectionIndicators => Set<CollectionIndicator>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<NoteRevision> NoteRevisions => Set<NoteRevision>();
    public DbSet<ImportedAdvisory> ImportedAdvisories => Set<ImportedAdvisory>();
    public DbSet<OrganisationInventory> OrganisationInventories => Set<OrganisationInventory>();
    public DbSet<InventoryItem> InventoryItems => Set<InventoryItem>();
    public DbSet<WebSession> WebSessions => Set<WebSession>();
    public DbSet<FollowedProvider> FollowedProviders => Set<FollowedProvider>();
    public DbSet<ProviderRun> ProviderRuns => Set<ProviderRun>();
    public DbSet<ProviderRunEntry> ProviderRunEntries => Set<ProviderRunEntry>();
    public DbSet<ProviderKey> ProviderKeys => Set<ProviderKey>();
    public DbSet<AccessGrant> AccessGrants => Set<AccessGrant>();
    public DbSet<RecordEvent> RecordEvents => Set<RecordEvent>();
    public DbSet<PasswordReset> PasswordResets => Set<PasswordReset>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<PublisherNamespace> PublisherNamespaces => Set<PublisherNamespace>();
    public DbSet<SavedFilter> SavedFilters => Set<SavedFilter>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<InboundMessage> InboundMessages => Set<InboundMessage>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<OutboxAttempt> OutboxAttempts => Set<OutboxAttempt>();

    /// <summary>Who reads through this context; the query filters read the members below once per query.</summary>
    public AudienceReader Reader => audience?.Current ?? AudienceReader.System;

    internal bool ReadsEverything => Reader.Standing == ReaderStanding.System;
    internal bool ReaderIsCert => Reader.Standing == ReaderStanding.Cert;
    internal string? ReaderUserId => Reader.UserId;
    internal string? ReaderOrganisationId => Reader.OrganisationId;
    internal string[] AnyoneLabels => [.. TlpAudience.GrantFor(Reader).Anyone];
    internal string[] OwnerLabels => [.. TlpAudience.GrantFor(Reader).AsOwner];
    internal string[] SharedLabels => [.. TlpAudience.GrantFor(Reader).WhenShared];
    internal string[] NamedLabels => [.. TlpAudience.GrantFor(Reader).WhenNamed];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Organisation>(e =>
        {
            e.Property(o => o.Id).HasMaxLength(36);
            e.Property(o => o.Name).HasMaxLength(300);
            e.HasIndex(o => o.Name).IsUnique();
        });
        modelBuilder.Entity<User>(e =>
        {
            e.Property(u => u.Id).HasMaxLength(36);
            e.HasIndex(u => u.Email).IsUnique();
            e.Property(u => u.Culture).HasMaxLength(20);
            e.Property(u => u.TimeZone).HasMaxLength(64);
            e.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ApiToken>(e =>
        {
            e.Property(t => t.Id).HasMaxLength(36);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasIndex(t => t.UserId);
            e.Property(t => t.Scope).HasMaxLength(40);
            e.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Incident>(e =>
        {
            e.Property(i => i.Id).HasMaxLength(36);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.HasIndex(i => new { i.OrganisationId, i.ReceivedAt });
            e.HasIndex(i => i.ReceivedAt);
            e.HasIndex(i => i.Status);
            e.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<User>().WithMany().HasForeignKey(i => i.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Submission>(e =>
        {
            e.HasIndex(s => new { s.IncidentId, s.Sequence }).IsUnique();
            e.HasOne<Incident>().WithMany().HasForeignKey(s => s.IncidentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<User>().WithMany().HasForeignKey(s => s.ActorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => s.LeafIndex).IsUnique();
            e.HasOne<LedgerLeaf>().WithOne().HasForeignKey<Submission>(s => s.LeafIndex).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<LedgerLeaf>(e =>
        {
            e.HasKey(l => l.Index);
            e.Property(l => l.Index).ValueGeneratedNever();
        });
        modelBuilder.Entity<LedgerNode>(e =>
        {
            e.HasKey(n => n.Key);
            e.Property(n => n.Key).ValueGeneratedNever();
        });
        modelBuilder.Entity<LedgerState>(e =>
        {
            e.Property(s => s.Id).ValueGeneratedNever();
            e.HasData(new LedgerState { Id = LedgerState.SingletonId, Size = 0 });
        });
        modelBuilder.Entity<LedgerCheckpoint>(e => e.HasIndex(c => c.TreeSize));
        modelBuilder.Entity<WitnessCosignature>(e =>
        {
            e.HasOne<LedgerCheckpoint>().WithMany().HasForeignKey(w => w.CheckpointId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(w => new { w.CheckpointId, w.Witness }).IsUnique();
        });
        modelBuilder.Entity<Reminder>(e =>
        {
            e.Property(r => r.Subject).HasMaxLength(200);
            e.HasIndex(r => new { r.IncidentId, r.Subject, r.DueAt, r.LeadSeconds }).IsUnique();
            e.HasIndex(r => r.RaisedAt);
            e.HasOne<Incident>().WithMany().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<IdempotencyRecord>(e =>
        {
            e.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
            e.Property(r => r.Key).HasMaxLength(255);
        });
        modelBuilder.Entity<IndicatorCollection>(e =>
        {
            e.Property(c => c.Id).HasMaxLength(36);
            e.Property(c => c.Name).HasMaxLength(300);
            e.Property(c => c.Tlp).HasMaxLength(20);
            e.HasIndex(c => c.Name).IsUnique();
            e.HasOne<User>().WithMany().HasForeignKey(c => c.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<CollectionIndicator>(e =>
        {
            e.Property(i => i.StixId).HasMaxLength(60);
            // A collection holds a pattern once, however many incidents or bundles bring it.
            e.HasIndex(i => new { i.CollectionId, i.Pattern }).IsUnique();
            e.HasIndex(i => new { i.CollectionId, i.StixId }).IsUnique();
            e.HasIndex(i => i.SourceIncidentId);
            e.Property(i => i.Marking).HasMaxLength(20);
            e.Property(i => i.SourceTlp).HasMaxLength(20);
            e.Property(i => i.ReleasedTlp).HasMaxLength(20);
            e.Property(i => i.Tlp).HasMaxLength(20);
            e.HasOne<IndicatorCollection>().WithMany().HasForeignKey(i => i.CollectionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Incident>().WithMany().HasForeignKey(i => i.SourceIncidentId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ImportedAdvisory>(e =>
        {
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.HasIndex(a => a.Sha256).IsUnique();
            e.Property(a => a.TrackingId).HasMaxLength(1000);
            e.Property(a => a.Version).HasMaxLength(100);
            e.Property(a => a.Category).HasMaxLength(200);
            e.Property(a => a.PublisherCategory).HasMaxLength(20);
            e.Property(a => a.Tlp).HasMaxLength(20);
            e.Property(a => a.CurrentReleaseDate).HasMaxLength(40);
            e.Property(a => a.DirectoryPath).HasMaxLength(1100);
            e.HasIndex(a => new { a.ProviderId, a.DirectoryPath });
            e.HasIndex(a => new { a.PublisherNamespace, a.TrackingId });
            e.HasIndex(a => a.ImportedAt);
            e.HasOne<User>().WithMany().HasForeignKey(a => a.ImportedBy).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<FollowedProvider>().WithMany().HasForeignKey(a => a.ProviderId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<FollowedProvider>(e =>
        {
            e.Property(p => p.MetadataUrl).HasMaxLength(2000);
            e.HasIndex(p => p.MetadataUrl).IsUnique();
            e.Property(p => p.PublisherCategory).HasMaxLength(20);
            e.Property(p => p.Role).HasMaxLength(40);
            e.Property(p => p.MetadataLastUpdated).HasMaxLength(40);
            e.Property(p => p.MirrorFolder).HasMaxLength(80);
            e.HasIndex(p => p.MirrorFolder).IsUnique();
            e.HasOne<User>().WithMany().HasForeignKey(p => p.AddedBy).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ProviderKey>(e =>
        {
            e.Property(k => k.Fingerprint).HasMaxLength(128);
            e.HasIndex(k => new { k.ProviderId, k.Fingerprint }).IsUnique();
            e.HasOne<FollowedProvider>().WithMany().HasForeignKey(k => k.ProviderId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ProviderRun>(e =>
        {
            e.Property(r => r.Trigger).HasMaxLength(20);
            e.HasIndex(r => new { r.ProviderId, r.StartedAt });
            e.HasOne<FollowedProvider>().WithMany().HasForeignKey(r => r.ProviderId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<User>().WithMany().HasForeignKey(r => r.RequestedBy).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ProviderRunEntry>(e =>
        {
            e.Property(r => r.Outcome).HasMaxLength(20);
            e.HasIndex(r => r.RunId);
            e.HasOne<ProviderRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ImportedAdvisory>().WithMany().HasForeignKey(r => r.AdvisoryId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<OrganisationInventory>(e =>
        {
            e.HasKey(i => i.OrganisationId);
            e.Property(i => i.OrganisationId).HasMaxLength(36);
            e.Property(i => i.Format).HasMaxLength(20);
            e.HasOne<Organisation>().WithOne().HasForeignKey<OrganisationInventory>(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<User>().WithMany().HasForeignKey(i => i.UpdatedBy).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<InventoryItem>(e =>
        {
            e.Property(i => i.OrganisationId).HasMaxLength(36);
            e.Property(i => i.Pointer).HasMaxLength(1000);
            e.Property(i => i.Name).HasMaxLength(500);
            e.Property(i => i.Vendor).HasMaxLength(200);
            e.Property(i => i.Version).HasMaxLength(200);
            e.Property(i => i.Purl).HasMaxLength(2000);
            e.Property(i => i.Cpe).HasMaxLength(1000);
            e.HasKey(i => new { i.OrganisationId, i.Position });
            e.Property(i => i.Position).ValueGeneratedNever();
            e.HasOne<OrganisationInventory>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<WebSession>(e =>
        {
            e.Property(s => s.Id).HasMaxLength(36);
            e.Property(s => s.SecretHash).HasMaxLength(64);
            e.HasIndex(s => s.SecretHash).IsUnique();
            e.HasIndex(s => s.ExpiresAt);
            e.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ApiToken>().WithMany().HasForeignKey(s => s.ApiTokenId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Note>(e =>
        {
            e.Property(n => n.Id).HasMaxLength(40);
            e.Property(n => n.Title).HasMaxLength(300);
            e.Property(n => n.Tlp).HasMaxLength(20);
            e.Property(n => n.Status).HasMaxLength(20);
            e.Property(n => n.Version).HasMaxLength(20);
            e.Property(n => n.Revisions).IsConcurrencyToken();
            e.HasIndex(n => new { n.Year, n.Number }).IsUnique();
            e.HasIndex(n => n.UpdatedAt);
            e.HasOne<User>().WithMany().HasForeignKey(n => n.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<NoteRevision>(e =>
        {
            e.Property(r => r.Tlp).HasMaxLength(20);
            e.Property(r => r.Kind).HasMaxLength(30);
            e.Property(r => r.Version).HasMaxLength(20);
            e.HasIndex(r => new { r.NoteId, r.Sequence }).IsUnique();
            e.HasOne<Note>().WithMany().HasForeignKey(r => r.NoteId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<User>().WithMany().HasForeignKey(r => r.ActorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => r.LeafIndex).IsUnique();
            e.HasOne<LedgerLeaf>().WithOne().HasForeignKey<NoteRevision>(r => r.LeafIndex).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<AccessGrant>(e =>
        {
            e.Property(g => g.ObjectKind).HasMaxLength(20);
            e.Property(g => g.ObjectId).HasMaxLength(40);
            e.HasIndex(g => new { g.ObjectKind, g.ObjectId });
            e.HasOne<Organisation>().WithMany().HasForeignKey(g => g.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<User>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<User>().WithMany().HasForeignKey(g => g.GrantedBy).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<RecordEvent>(e =>
        {
            e.Property(r => r.Kind).HasMaxLength(40);
            e.Property(r => r.ObjectKind).HasMaxLength(20);
            e.Property(r => r.ObjectId).HasMaxLength(2000);
            e.Property(r => r.ActorRole).HasMaxLength(20);
            e.HasIndex(r => new { r.ObjectKind, r.ObjectId });
            e.HasIndex(r => new { r.OrganisationId, r.ReceivedAt });
            e.HasIndex(r => r.LeafIndex).IsUnique();
            e.HasOne<LedgerLeaf>().WithOne().HasForeignKey<RecordEvent>(r => r.LeafIndex).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<PasswordReset>(e =>
        {
            e.Property(r => r.CodeHash).HasMaxLength(64);
            e.HasIndex(r => r.CodeHash).IsUnique();
            e.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<SavedFilter>(e =>
        {
            e.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
            e.Property(f => f.Name).HasMaxLength(100);
            e.Property(f => f.Query).HasMaxLength(2000);
            e.HasIndex(f => new { f.UserId, f.Name }).IsUnique();
        });
        modelBuilder.Entity<JobRun>(e =>
        {
            e.HasKey(j => j.Job);
            e.Property(j => j.Job).HasMaxLength(64);
            e.Property(j => j.LastOutcome).HasMaxLength(16);
            e.Property(j => j.LastError).HasMaxLength(500);
        });
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.Property(m => m.Id).ValueGeneratedNever();
            e.Property(m => m.EventType).HasMaxLength(64);
            e.Property(m => m.EventId).HasMaxLength(200);
            e.Property(m => m.Channel).HasMaxLength(16);
            e.Property(m => m.Destination).HasMaxLength(320);
            e.Property(m => m.Locale).HasMaxLength(8);
            e.Property(m => m.State).HasMaxLength(16);
            e.Property(m => m.LastError).HasMaxLength(500);
            e.Property(m => m.LeaseOwner).HasMaxLength(200);
            e.Property(m => m.Digest).HasMaxLength(16);
            e.HasIndex(m => new { m.EventId, m.Channel, m.Destination }).IsUnique();
            e.HasIndex(m => new { m.State, m.NextAttemptAt });
            e.HasIndex(m => new { m.OrganisationId, m.CreatedAt });
            e.HasIndex(m => new { m.UserId, m.CreatedAt });
        });
        modelBuilder.Entity<Subscription>(e =>
        {
            e.Property(x => x.EventType).HasMaxLength(64);
            e.Property(x => x.Channel).HasMaxLength(16);
            e.Property(x => x.Destination).HasMaxLength(320);
            e.Property(x => x.Digest).HasMaxLength(16);
            e.HasIndex(x => new { x.OrganisationId, x.EventType });
            e.HasIndex(x => new { x.UserId, x.EventType });
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<WebhookEndpoint>(e =>
        {
            e.Property(w => w.Id).HasMaxLength(36);
            e.Property(w => w.Url).HasMaxLength(2000);
            e.Property(w => w.Description).HasMaxLength(500);
            e.HasIndex(w => w.OrganisationId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(w => w.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<OutboxAttempt>(e =>
        {
            e.Property(a => a.Outcome).HasMaxLength(16);
            e.Property(a => a.Error).HasMaxLength(500);
            e.HasIndex(a => new { a.MessageId, a.At });
            e.HasOne<OutboxMessage>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<SignInThrottle>(e =>
        {
            e.HasKey(t => t.AccountKey);
            e.Property(t => t.AccountKey).HasMaxLength(64);
        });
        modelBuilder.Entity<Attachment>(e =>
        {
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.Property(a => a.FileName).HasMaxLength(255);
            e.Property(a => a.MediaType).HasMaxLength(255);
            e.HasIndex(a => new { a.IncidentId, a.Sha256 });
            e.HasIndex(a => new { a.UploadedBy, a.Sha256 });
            e.HasOne<Incident>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<User>().WithMany().HasForeignKey(a => a.UploadedBy).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<PublisherNamespace>(e =>
        {
            e.HasKey(n => n.Namespace);
            e.Property(n => n.Namespace).HasMaxLength(1000);
            e.HasOne<FollowedProvider>().WithMany().HasForeignKey(n => n.ProviderId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<InboundMessage>(e =>
        {
            e.Property(m => m.Id).HasMaxLength(36);
            e.Property(m => m.Transport).HasMaxLength(8);
            e.Property(m => m.EnvelopeFrom).HasMaxLength(320);
            e.Property(m => m.HeaderFrom).HasMaxLength(320);
            e.Property(m => m.Subject).HasMaxLength(1000);
            e.Property(m => m.MessageId).HasMaxLength(1000);
            e.Property(m => m.InReplyTo).HasMaxLength(1000);
            e.Property(m => m.RawSha256).HasMaxLength(64);
            e.Property(m => m.SignatureStatus).HasMaxLength(16);
            e.Property(m => m.State).HasMaxLength(16);
            e.Property(m => m.MatchedBy).HasMaxLength(16);
            e.HasIndex(m => new { m.State, m.ReceivedAt });
            e.HasIndex(m => m.MessageId);
            e.HasIndex(m => m.RawSha256);
            e.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Incident>().WithMany().HasForeignKey(m => m.IncidentId).OnDelete(DeleteBehavior.Restrict);
        });
        AudienceFilters.Apply(modelBuilder, this);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseRewritingSubmissions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseRewritingSubmissions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // The database refuses it too (triggers in the migrations); this catches the mistake before the round trip.
    private void RefuseRewritingSubmissions()
    {
        if (ChangeTracker.Entries().Any(e => e.Entity is Submission or NoteRevision or RecordEvent or LedgerLeaf or LedgerNode or LedgerCheckpoint
                && e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The record is append-only: submissions, note revisions, events, leaves, nodes and checkpoints are never changed or deleted.");
        }
    }
}
