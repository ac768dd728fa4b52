using System.Reflection;
using Castle.DynamicProxy;
using Interception.Metrics.Timing;

namespace Interception.Metrics.Proxying;

/// <summary>
/// Lets Castle intercept only the timed methods of one implementation type: every other method of the proxy
/// forwards straight to the target. Castle shows an interface proxy's hook only the interface, so the hook
/// carries the implementation type whose attributes decide. Hooks for the same type are equal (Castle requires
/// <see cref="Equals(object)"/> and <see cref="GetHashCode"/> for its proxy type cache to hit).
/// </summary>
internal sealed class MetricsProxyGenerationHook(Type implementationType) : IProxyGenerationHook
{
    public Type ImplementationType { get; } = implementationType;

    public void MethodsInspected()
    {
    }

    public void NonProxyableMemberNotification(Type type, MemberInfo memberInfo)
    {
    }

    public bool ShouldInterceptMethod(Type type, MethodInfo methodInfo)
    {
        try
        {
            return TimingAttributes.Resolve(ImplementationType, methodInfo) is not null;
        }
        catch (ArgumentException)
        {
            // A malformed attribute: intercept, and let the interceptor log it and proceed untimed.
            return true;
        }
    }

    public override bool Equals(object? obj) => obj is MetricsProxyGenerationHook other && other.ImplementationType == ImplementationType;

    public override int GetHashCode() => ImplementationType.GetHashCode();
}
