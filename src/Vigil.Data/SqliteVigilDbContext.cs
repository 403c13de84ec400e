using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Vigil.Data;

/// <summary>The model on SQLite: times are stored as UTC ticks so that they compare and sort in SQL.</summary>
public sealed class SqliteVigilDbContext(DbContextOptions<SqliteVigilDbContext> options, IAudienceSource? audience = null)
    : VigilDbContext(options, audience)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
