namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <summary>The subscriptions page's strings (SubscriptionText.resx, SubscriptionText.hi.resx).</summary>
public sealed class SubscriptionText;
