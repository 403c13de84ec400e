namespace Vigil.Server.Infrastructure.Security;

/// <summary>Who a user is to Vigil; authorisation policies carry the same names.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string Reporter = "reporter";
    public const string Oversight = "oversight";

    public static readonly IReadOnlyList<string> All = [Admin, Analyst, Reporter, Oversight];
}
