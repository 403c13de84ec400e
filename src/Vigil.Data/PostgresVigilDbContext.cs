using Microsoft.EntityFrameworkCore;

namespace Vigil.Data;

/// <summary>The model on PostgreSQL: times are timestamptz.</summary>
public sealed class PostgresVigilDbContext(DbContextOptions<PostgresVigilDbContext> options, IAudienceSource? audience = null)
    : VigilDbContext(options, audience);
