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
}
