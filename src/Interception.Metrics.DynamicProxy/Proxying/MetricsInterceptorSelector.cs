using System.Reflection;
using Castle.DynamicProxy;

namespace Interception.Metrics.Proxying;

/// <summary>
/// Hands each proxied method its own plan (<see cref="Timing.TimedMethodInterceptor"/>) in place of the shared
/// <see cref="MetricsInterceptor"/>. Castle asks once per method and proxy instance and keeps the answer, so
/// the plan lookup leaves the per-call path.
/// </summary>
internal sealed class MetricsInterceptorSelector(MetricsInterceptor interceptor, bool ownAttributesOnly) : IInterceptorSelector
{
    public IInterceptor[] SelectInterceptors(Type type, MethodInfo method, IInterceptor[] interceptors)
    {
        var index = Array.IndexOf(interceptors, interceptor);
        if (index < 0 || type is null || ProxyUtil.IsProxyType(type))
        {
            // Not ours, or a target that is itself a proxy: the shared interceptor decides per call.
            return interceptors;
        }

        var timer = interceptor.GetTimedMethod(type, method, ownAttributesOnly);
        if (timer is null)
        {
            return [.. interceptors.Where((_, i) => i != index)];
        }

        var selected = (IInterceptor[])interceptors.Clone();
        selected[index] = timer;
        return selected;
    }
}
