using Vigil.Server.Tests.Features.ReporterPages;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Security;

namespace Vigil.Server.Tests.Web;

/// <summary>Chromium and the real server on Kestrel, holding the matrix's world: one thing of each kind under every label.</summary>
public sealed class PageBrowserFixture : BrowserFixture
{
    public MatrixWorld World { get; private set; } = null!;

    protected override async Task ServerStartedAsync()
    {
        World = MatrixWorld.On(TestHost.OnKestrel(Server));
        await World.InitializeAsync();
    }
}
