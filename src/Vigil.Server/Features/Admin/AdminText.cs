namespace Vigil.Server.Features.Admin;

/// <summary>The administrator's pages' strings: AdminText.resx (English) and AdminText.hi.resx (Hindi).</summary>
public sealed class AdminText;
