using Castle.DynamicProxy;

namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>Another Castle interceptor an application might put on a component: counts what it sees.</summary>
public sealed class CountingInterceptor : IInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Intercept(IInvocation invocation)
    {
        Interlocked.Increment(ref _count);
        invocation.Proceed();
    }
}
