using Castle.DynamicProxy;

namespace Interception.Metrics.Proxying;

/// <summary>
/// The base class of every timing proxy: <see cref="ToString"/> answers as the target does, so logs and debuggers
/// show the component rather than <c>Castle.Proxies.IServiceProxy</c>. <see cref="object.Equals(object)"/> and
/// <see cref="object.GetHashCode"/> stay the proxy's own (reference identity): forwarding them would make a proxy
/// equal to its target while the target is not equal to the proxy.
/// </summary>
internal class TimingProxy
{
    /// <summary>The target's <see cref="object.ToString"/>.</summary>
    public override string? ToString() =>
        this is IProxyTargetAccessor accessor && accessor.DynProxyGetTarget() is { } target ? target.ToString() : base.ToString();
}
