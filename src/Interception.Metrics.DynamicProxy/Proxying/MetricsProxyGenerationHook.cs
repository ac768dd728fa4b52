using System.Reflection;
using Castle.DynamicProxy;
using Interception.Metrics.Timing;

namespace Interception.Metrics.Proxying;

/// <summary>
/// Lets Castle intercept only the timed methods of one implementation type: every other method of the proxy
/// forwards straight to the target, and so does a timed method whose signature an invocation cannot carry
/// (<see cref="ProxyLimits.WhyNotInterceptable"/>). Castle shows an interface proxy's hook only the interface, so
/// the hook carries the implementation type whose attributes decide. Hooks for the same type and scope are equal
/// (Castle requires <see cref="Equals(object)"/> and <see cref="GetHashCode"/> for its proxy type cache to hit).
/// </summary>
internal sealed class MetricsProxyGenerationHook(Type implementationType, bool ownAttributesOnly) : IProxyGenerationHook
{
    public Type ImplementationType { get; } = implementationType;

    /// <summary>Whether only the implementation's own attributes count (a decorator's proxy).</summary>
    public bool OwnAttributesOnly { get; } = ownAttributesOnly;

    public void MethodsInspected()
    {
    }

    public void NonProxyableMemberNotification(Type type, MemberInfo memberInfo)
    {
    }

    public bool ShouldInterceptMethod(Type type, MethodInfo methodInfo)
    {
        if (ProxyLimits.WhyNotInterceptable(methodInfo) is not null)
        {
            return false;
        }

        try
        {
            return TimingAttributes.Resolve(ImplementationType, methodInfo, OwnAttributesOnly) is not null;
        }
        catch (ArgumentException)
        {
            // A malformed attribute: intercept, and let the interceptor log it and proceed untimed.
            return true;
        }
    }

    public override bool Equals(object? obj) =>
        obj is MetricsProxyGenerationHook other && other.ImplementationType == ImplementationType && other.OwnAttributesOnly == OwnAttributesOnly;

    public override int GetHashCode() => HashCode.Combine(ImplementationType, OwnAttributesOnly);
}
