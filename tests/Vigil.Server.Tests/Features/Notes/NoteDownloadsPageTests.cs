using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.NoteExports;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notes;

/// <summary>When the CERT is a CNA, the note page offers each CVE's record (CVE JSON 5) from the export endpoint.</summary>
public sealed class NoteDownloadsPageTests(CnaVigilFactory factory) : IClassFixture<CnaVigilFactory>
{
    [Fact]
    public async Task A_CNA_s_note_page_links_the_CVE_record_of_each_of_its_CVE_ids()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await analyst.Client.CreateNoteAsync(NoteSamples.Cve20193568());
        await analyst.Client.PublishNoteAsync(id);
        var anonymous = factory.CreateClient();

        var page = await PublicPage.GetAsync(anonymous, $"/notes/{id}");

        var link = $"/api/v1/notes/{id}/cve5?cve=CVE-2019-3568";
        Assert.Contains($"<a href=\"{link}\" download=\"CVE-2019-3568.json\">CVE JSON 5 record for CVE-2019-3568</a>", page.Main, StringComparison.Ordinal);
        var record = await anonymous.GetNodeAsync(link);
        Assert.Equal(ExportSchemas.TestCnaOrgId, record["cnaContainer"]!["providerMetadata"]!["orgId"]!.GetValue<string>());
    }
}
