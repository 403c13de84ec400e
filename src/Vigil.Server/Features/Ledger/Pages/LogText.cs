namespace Vigil.Server.Features.Ledger.Pages;

/// <summary>The log explorer's strings (LogText.resx, LogText.hi.resx).</summary>
public sealed class LogText;
