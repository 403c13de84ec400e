namespace Vigil.Server.Features.InboundMail;

/// <summary>The inbound mail pages' strings (InboundMailText.resx, InboundMailText.hi.resx).</summary>
public sealed class InboundMailText;
