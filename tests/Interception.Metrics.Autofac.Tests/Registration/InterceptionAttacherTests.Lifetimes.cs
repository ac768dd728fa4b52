using System.Reflection;
using Autofac;
using Interception.Metrics.Autofac.Tests.Fixtures;
using Interception.Metrics.Autofac.Tests.TestSupport;

namespace Interception.Metrics.Autofac.Tests.Registration;

/// <summary>Sharing and disposal of timed components.</summary>
public abstract partial class InterceptionAttacherTests
{
    [Fact]
    public void InstancePerDependency_EachResolve_GetsItsOwnTimedProxy()
    {
        using var container = Build(b => b.RegisterType<Calculator>().As<ICalculator>().InstancePerDependency());

        var first = container.Resolve<ICalculator>();
        var second = container.Resolve<ICalculator>();
        first.Add(1, 1);
        second.Add(1, 1);

        Assert.NotSame(first, second);
        Assert.True(IsTimed(first));
        Assert.True(IsTimed(second));
        Assert.Equal(2, container.Memory().Calls("Calculator.Add"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void InstancePerDependency_Resolve_AllocatesNothingButTheProxyMoreThanUntimed(bool lambda)
    {
        void Register(ContainerBuilder builder)
        {
            if (lambda)
            {
                builder.Register(_ => new Calculator()).As<ICalculator>();
            }
            else
            {
                builder.RegisterType<Calculator>().As<ICalculator>();
            }
        }

        using var timed = MetricsContainer.Build(Register);
        using var untimed = MetricsContainer.Build(Register, ("Metrics:Enabled", "false"));
        var proxyType = timed.Resolve<ICalculator>().GetType();
        Assert.False(MetricsContainer.IsProxy(untimed.Resolve<ICalculator>()));

        // The proxy object: header and method table pointer, then one reference per field (Castle's interceptors,
        // target, selector and one selected-interceptors slot per intercepted method).
        var fields = proxyType.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Length;
        var proxySize = (2 + fields) * IntPtr.Size;

        Assert.InRange(BytesPerResolve(timed) - BytesPerResolve(untimed), 0, proxySize);
    }

    [Fact]
    public void SingleInstance_EveryResolve_ReturnsSameProxy()
    {
        using var container = Build(b => b.RegisterType<Calculator>().As<ICalculator>().SingleInstance());
        using var scope = container.BeginLifetimeScope();

        var first = container.Resolve<ICalculator>();
        var second = container.Resolve<ICalculator>();
        var fromScope = scope.Resolve<ICalculator>();
        first.Add(1, 1);
        fromScope.Add(1, 1);

        Assert.True(IsTimed(first));
        Assert.Same(first, second);
        Assert.Same(first, fromScope);
        Assert.Equal(2, container.Memory().Calls("Calculator.Add"));
    }

    [Fact]
    public void InstancePerLifetimeScope_SameScope_ReturnsSameProxyAndOtherScopeAnother()
    {
        using var container = Build(b => b.RegisterType<Calculator>().As<ICalculator>().InstancePerLifetimeScope());
        using var scope1 = container.BeginLifetimeScope();
        using var scope2 = container.BeginLifetimeScope();

        var first = scope1.Resolve<ICalculator>();
        var again = scope1.Resolve<ICalculator>();
        var other = scope2.Resolve<ICalculator>();
        first.Add(1, 1);
        other.Add(1, 1);

        Assert.True(IsTimed(first));
        Assert.True(IsTimed(other));
        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.Equal(2, container.Memory().Calls("Calculator.Add"));
    }

    [Fact]
    public void DisposeScope_ProxiedDisposableComponent_DisposesTargetOnce()
    {
        var log = new DisposalLog();
        using var container = Build(b =>
        {
            b.RegisterInstance(log);
            b.RegisterType<DisposableWorker>().As<IWorker>().InstancePerLifetimeScope();
        });

        using (var scope = container.BeginLifetimeScope())
        {
            var worker = scope.Resolve<IWorker>();
            Assert.True(IsTimed(worker));
            Assert.Equal(7, worker.Work());
            Assert.Equal(0, log.DisposeCalls);
        }

        Assert.Equal(1, log.DisposeCalls);
        Assert.Equal(1, container.Memory().Calls("DisposableWorker.Work"));
    }

    [Fact]
    public void DisposeScope_ProxiedDisposableLambdaComponent_DisposesTargetOnce()
    {
        var log = new DisposalLog();
        using var container = Build(b => b.Register(_ => new DisposableWorker(log)).As<IWorker>());

        using (var scope = container.BeginLifetimeScope())
        {
            Assert.True(IsTimed(scope.Resolve<IWorker>()));
        }

        Assert.Equal(1, log.DisposeCalls);
    }

    [Fact]
    public void DisposeContainer_ProxiedDisposableInstance_DisposesTargetOnce()
    {
        var log = new DisposalLog();
        var container = Build(b => b.RegisterInstance(new DisposableWorker(log)).As<IWorker>());
        Assert.True(IsTimed(container.Resolve<IWorker>()));

        container.Dispose();

        Assert.Equal(1, log.DisposeCalls);
    }

    [Fact]
    public async Task DisposeAsyncContainer_ProxiedAsyncDisposableSingleton_DisposesTargetOnce()
    {
        var log = new DisposalLog();
        var container = Build(b =>
        {
            b.RegisterInstance(log);
            b.RegisterType<AsyncDisposableWorker>().As<IWorker>().SingleInstance();
        });
        var worker = container.Resolve<IWorker>();
        Assert.True(IsTimed(worker));
        Assert.Equal(8, worker.Work());

        await container.DisposeAsync();

        Assert.Equal(1, log.DisposeAsyncCalls);
    }

    [Fact]
    public async Task DisposeAsyncScope_ProxiedAsyncDisposableComponent_DisposesTargetOnce()
    {
        var log = new DisposalLog();
        await using var container = Build(b =>
        {
            b.RegisterInstance(log);
            b.RegisterType<AsyncDisposableWorker>().As<IWorker>().InstancePerLifetimeScope();
        });

        await using (var scope = container.BeginLifetimeScope())
        {
            Assert.True(IsTimed(scope.Resolve<IWorker>()));
        }

        Assert.Equal(1, log.DisposeAsyncCalls);
    }

    private static long BytesPerResolve(IContainer container)
    {
        const int Resolves = 200;
        var least = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < Resolves; i++)
            {
                _ = container.Resolve<ICalculator>();
            }

            least = Math.Min(least, (GC.GetAllocatedBytesForCurrentThread() - before) / Resolves);
        }

        return least;
    }
}
