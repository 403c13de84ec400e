namespace Vigil.Server.Features.Users;

/// <summary>The account page's strings (AccountText.resx, AccountText.hi.resx).</summary>
public sealed class AccountText;
