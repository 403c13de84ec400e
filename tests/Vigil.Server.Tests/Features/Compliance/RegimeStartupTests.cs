using Microsoft.AspNetCore.Hosting;
using Vigil.Domain.Regimes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Compliance;

/// <summary>A bad regime file stops start-up with a message naming the file and the field.</summary>
public sealed class RegimeStartupTests : IDisposable
{
    private readonly string _regimes = Directory.CreateTempSubdirectory("vigil-regimes-").FullName;

    public static TheoryData<string, string, string, string> BadFiles => new()
    {
        { "unknown clock event", "\"event\": \"noticed\"", "\"event\": \"discovered\"", "/stages/0/starts/event" },
        { "negative duration", "\"hours\": 6", "\"hours\": -6", "/stages/0/within/hours" },
        { "missing field", "\"jurisdiction\": \"IN\",", "", "/jurisdiction" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_regime_file_stops_start_up_naming_the_file_and_field(string what, string good, string bad, string pointer)
    {
        var shipped = File.ReadAllText(RepositoryPaths.File("regimes", "in-cert-in-2022.json"));
        Assert.Contains(good, shipped, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_regimes, "in-cert-in-2022.json"), shipped.Replace(good, bad, StringComparison.Ordinal));
        File.Copy(RepositoryPaths.File("regimes", "eu-gdpr-art33.json"), Path.Combine(_regimes, "eu-gdpr-art33.json"));

        using var factory = new VigilFactory().WithWebHostBuilder(b => b.UseSetting("Regimes:Directory", _regimes));
        var thrown = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var failure = Assert.IsType<RegimeFileException>(thrown is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException : thrown);
        Assert.Equal("in-cert-in-2022.json", failure.FileName);
        Assert.Equal(pointer, failure.Field);
        Assert.StartsWith($"in-cert-in-2022.json: {pointer}: ", failure.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public void A_missing_regimes_directory_stops_start_up()
    {
        using var factory = new VigilFactory().WithWebHostBuilder(b => b.UseSetting("Regimes:Directory", Path.Combine(_regimes, "absent")));
        var thrown = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("regimes directory does not exist", thrown.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_configuration_the_regimes_come_from_the_content_root_or_beside_the_binaries()
    {
        Assert.Equal(RepositoryPaths.File("regimes"), RegimeDirectory.Resolve(null, RepositoryPaths.Root));
        var elsewhere = RegimeDirectory.Resolve(null, _regimes);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "regimes"), elsewhere);
        Assert.Equal(8, RegimeDirectory.Load(elsewhere).All.Count);
        Assert.Equal(Path.Combine(_regimes, "mine"), RegimeDirectory.Resolve("mine", _regimes));
    }

    public void Dispose() => Directory.Delete(_regimes, recursive: true);
}
