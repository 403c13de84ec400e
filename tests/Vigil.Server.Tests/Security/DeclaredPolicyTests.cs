using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Security;

/// <summary>Every endpoint says who may call it: a policy, or an explicit "anyone". The fallback refuses the rest.</summary>
public sealed class DeclaredPolicyTests
{
    [Fact]
    public void Every_endpoint_declares_a_policy_or_anonymous_access()
    {
        using var factory = new VigilFactory();
        var undeclared = RouteTable.Read(factory).Where(r => r.Policy is null && !r.AllowsAnonymous).ToList();
        Assert.True(undeclared.Count == 0, "Declare a policy on: " + string.Join("; ", undeclared));
    }
}
