using Microsoft.AspNetCore.Hosting;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.NoteExports;

/// <summary>A server whose CERT is a CNA, with the test organisation id.</summary>
public sealed class CnaVigilFactory : VigilFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("NoteExports:CnaOrgId", ExportSchemas.TestCnaOrgId);
        builder.UseSetting("NoteExports:CnaShortName", "vigil-test");
    }
}
