using Castle.DynamicProxy;

namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>An interceptor that only proceeds: what Castle itself costs.</summary>
public sealed class PassThroughInterceptor : IInterceptor
{
    public void Intercept(IInvocation invocation) => invocation.Proceed();
}
