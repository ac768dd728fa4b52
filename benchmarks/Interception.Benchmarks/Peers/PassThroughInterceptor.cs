using Castle.DynamicProxy;

namespace Interception.Benchmarks.Peers;

/// <summary>An interceptor that only proceeds: what a Castle proxy itself costs.</summary>
public sealed class PassThroughInterceptor : IInterceptor
{
    /// <inheritdoc />
    public void Intercept(IInvocation invocation) => invocation.Proceed();
}
