namespace Vigil.Server.Features.Notifications.Deliveries;

/// <summary>The delivery pages' strings: DeliveryText.resx (English) and DeliveryText.hi.resx (Hindi).</summary>
public sealed class DeliveryText;
