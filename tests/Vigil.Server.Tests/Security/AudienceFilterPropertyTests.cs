using CsCheck;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Security;

public sealed class AudienceFilterOnSqliteTests(VigilFactory factory) : AudienceFilterPropertyTests<VigilFactory>(factory)
{
    protected override VigilDbContext Open(IAudienceSource audience)
    {
        var builder = new DbContextOptionsBuilder<SqliteVigilDbContext>();
        VigilDatabase.ConfigureSqlite(builder, $"Data Source={Factory.DatabasePath}");
        return new SqliteVigilDbContext(builder.Options, audience);
    }
}

public sealed class AudienceFilterOnPostgresTests(PostgresVigilFactory factory) : AudienceFilterPropertyTests<PostgresVigilFactory>(factory)
{
    protected override VigilDbContext Open(IAudienceSource audience)
    {
        var builder = new DbContextOptionsBuilder<PostgresVigilDbContext>();
        VigilDatabase.ConfigurePostgres(builder, Factory.ConnectionString);
        return new PostgresVigilDbContext(builder.Options, audience);
    }
}

/// <summary>
/// The audience rule is written once, in Domain; the database applies it as query filters. For generated worlds
/// (incidents of several organisations and collections of the CERT under every label, shares and names, some
/// revoked) and every kind of reader, the rows the filtered database returns are exactly those
/// <see cref="TlpAudience.MayRead"/> allows, on SQLite and on PostgreSQL.
/// </summary>
public abstract class AudienceFilterPropertyTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    private static readonly string[] Organisations = ["o1", "o2", "o3"];
    private static readonly (string User, string? Organisation)[] Users = [("u1", "o1"), ("u2", "o1"), ("u3", "o2"), ("u4", null), ("u5", null)];

    protected TFactory Factory => factory;

    protected abstract VigilDbContext Open(IAudienceSource audience);

    private sealed record Thing(int Label, int Owner);

    private sealed record Grant(int Thing, bool ToOrganisation, int Whom, bool Revoked);

    private sealed record World(Thing[] Things, Grant[] Grants);

    private static readonly Gen<World> Worlds =
        from things in Gen.Select(Gen.Int[0, 4], Gen.Int[0, 3], (l, o) => new Thing(l, o)).Array[1, 12]
        from grants in Gen.Select(Gen.Int[0, 11], Gen.Bool, Gen.Int[0, 4], Gen.Int[0, 4], (t, org, w, r) => new Grant(t % things.Length, org, w, r == 0)).Array[0, 16]
        select new World(things, grants);

    [Fact]
    public void The_filtered_database_returns_exactly_what_the_domain_rule_allows()
    {
        _ = factory.Services; // the server starts and migrates the database
        var prefix = Guid.NewGuid().ToString("N")[..8];
        using (var system = Open(new Fixed(AudienceReader.System)))
        {
            foreach (var o in Organisations)
            {
                system.Organisations.Add(new Organisation { Id = prefix + o, Name = prefix + o, Sector = "telecom", Country = "IN", ContactName = "c", ContactEmail = "c@example.org" });
            }
            foreach (var (user, organisation) in Users)
            {
                system.Users.Add(new User { Id = prefix + user, Email = $"{prefix}{user}@example.org", Role = organisation is null ? "analyst" : "reporter", OrganisationId = organisation is null ? null : prefix + organisation });
            }
            system.SaveChanges();
        }
        var run = 0;
        Worlds.Sample(world =>
        {
            var tag = $"{prefix}-{Interlocked.Increment(ref run)}-";
            Store(world, tag, prefix);
            foreach (var reader in Readers(prefix))
            {
                using var db = Open(new Fixed(reader));
                var incidents = db.Incidents.Where(i => i.Id.StartsWith(tag)).Select(i => i.Id).ToHashSet();
                var collections = db.IndicatorCollections.Where(c => c.Id.StartsWith(tag)).Select(c => c.Id).ToHashSet();
                for (var t = 0; t < world.Things.Length; t++)
                {
                    var thing = world.Things[t];
                    var owner = thing.Owner < Organisations.Length ? prefix + Organisations[thing.Owner] : null;
                    var facts = new LabelledFacts(TlpLabel.All[thing.Label], owner, Active(world, t, true).Any(g => prefix + Organisations[g.Whom % 3] == reader.OrganisationId),
                        Active(world, t, false).Any(g => prefix + Users[g.Whom].User == reader.UserId));
                    var cert = facts with { OwnerOrganisationId = null };
                    if (incidents.Contains(tag + t) != (owner is not null && TlpAudience.MayRead(reader, facts))
                        || collections.Contains(tag + t) != TlpAudience.MayRead(reader, cert))
                    {
                        return false;
                    }
                }
            }
            return true;
        }, iter: 40);
    }

    private static IEnumerable<Grant> Active(World world, int thing, bool toOrganisation) =>
        world.Grants.Where(g => g.Thing == thing && g.ToOrganisation == toOrganisation && !g.Revoked);

    private static IEnumerable<AudienceReader> Readers(string prefix) =>
        [
            AudienceReader.Public,
            .. Users.Select(u => u.Organisation is null
                ? new AudienceReader(u.User == "u4" ? ReaderStanding.Cert : ReaderStanding.Oversight, prefix + u.User, null)
                : new AudienceReader(ReaderStanding.Member, prefix + u.User, prefix + u.Organisation)),
        ];

    /// <summary>Stores the world: an incident (when it has an owner) and a collection per thing, and its grants.</summary>
    private void Store(World world, string tag, string prefix)
    {
        using var system = Open(new Fixed(AudienceReader.System));
        for (var t = 0; t < world.Things.Length; t++)
        {
            var label = TlpLabel.All[world.Things[t].Label];
            if (world.Things[t].Owner < Organisations.Length)
            {
                system.Incidents.Add(new Incident { Id = tag + t, OrganisationId = prefix + Organisations[world.Things[t].Owner], Title = "t", Category = "c", Description = "d", Status = "received", Tlp = label, View = "{}" });
            }
            system.IndicatorCollections.Add(new IndicatorCollection { Id = tag + t, Name = tag + t, Tlp = label, CreatedBy = prefix + "u4" });
        }
        foreach (var g in world.Grants)
        {
            foreach (var kind in new[] { AudienceFilters.Incident, AudienceFilters.Collection })
            {
                system.AccessGrants.Add(new AccessGrant
                {
                    ObjectKind = kind, ObjectId = tag + g.Thing, RevokedAt = g.Revoked ? DateTimeOffset.UnixEpoch : null,
                    OrganisationId = g.ToOrganisation ? prefix + Organisations[g.Whom % 3] : null, UserId = g.ToOrganisation ? null : prefix + Users[g.Whom].User,
                });
            }
        }
        system.SaveChanges();
    }

    private sealed class Fixed(AudienceReader reader) : IAudienceSource
    {
        public AudienceReader Current => reader;
    }
}
