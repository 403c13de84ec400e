namespace Vigil.Server.Tests.Web.Walk;

/// <summary>
/// The browser walks run one after another: each starts Vigil in its own process and a Chromium of its own, and seven
/// of those side by side on a small machine starve one another until a page misses its time. Each class still gets
/// a fresh server (its own <see cref="WalkFixture"/>), so no walk sees another's data.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WalkCollection
{
    public const string Name = "Browser walks";
}
