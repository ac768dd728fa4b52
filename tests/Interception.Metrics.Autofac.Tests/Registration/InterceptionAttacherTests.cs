using Autofac;
using Interception.Metrics.Autofac.Tests.Fixtures;
using Interception.Metrics.Autofac.Tests.Fixtures.Scanning;
using Interception.Metrics.Autofac.Tests.TestSupport;

namespace Interception.Metrics.Autofac.Tests.Registration;

/// <summary>Which components get a timing proxy, for each way of registering them.</summary>
public abstract partial class InterceptionAttacherTests(string proxy) : ProxyPathTests(proxy)
{
    /// <summary>On generated decorators.</summary>
    public sealed class OnGeneratedDecorators() : InterceptionAttacherTests("Auto");

    /// <summary>On Castle proxies.</summary>
    public sealed class OnDynamicProxy() : InterceptionAttacherTests("DynamicProxy");

    [Fact]
    public void RegisterType_TimedInterfaceMethod_ResolvesProxyThatRecordsCalls()
    {
        using var container = Build(b => b.RegisterType<Calculator>().As<ICalculator>());

        var calculator = container.Resolve<ICalculator>();

        Assert.True(IsTimed(calculator));
        Assert.Equal(5, calculator.Add(2, 3));
        Assert.Equal(1, container.Memory().Calls("Calculator.Add"));
    }

    [Fact]
    public void RegisterType_TimedMethodInheritedFromBaseInterface_ResolvesProxyThatRecordsCalls()
    {
        using var container = Build(b => b.RegisterType<ShiftWorker>().As<IShiftWorker>());

        var worker = container.Resolve<IShiftWorker>();

        Assert.True(IsTimed(worker));
        Assert.Equal(8, worker.Work());
        Assert.Equal("night", worker.Shift);
        Assert.Equal(1, container.Memory().Calls("ShiftWorker.Work"));
    }

    [Fact]
    public void Register_LambdaReturningTimedImplementation_ResolvesProxy()
    {
        using var container = Build(b => b.Register(_ => new Calculator()).As<ICalculator>());

        var calculator = container.Resolve<ICalculator>();

        Assert.True(IsTimed(calculator));
        Assert.Equal(3, calculator.Add(1, 2));
        Assert.Equal(1, container.Memory().Calls("Calculator.Add"));
    }

    [Fact]
    public void Register_LambdaDeclaredAsInterface_DecidedByActivatedInstanceType()
    {
        using var container = Build(b => b.Register<ICalculator>(_ => new Calculator()));

        var calculator = container.Resolve<ICalculator>();

        Assert.True(IsTimed(calculator));
        Assert.Equal(3, calculator.Add(1, 2));
        Assert.Equal(1, container.Memory().Calls("Calculator.Add"));
    }

    [Fact]
    public void Register_LambdaReturningUntimedInstance_ReturnsInstanceAsIs()
    {
        using var container = Build(b => b.Register<IGreeter>(_ => new Greeter()));

        var greeter = container.Resolve<IGreeter>();

        Assert.IsType<Greeter>(greeter);
        Assert.Equal("Hello, Ann", greeter.Greet("Ann"));
    }

    [Fact]
    public void RegisterInstance_TimedInstance_ResolvesOneProxyOverThatInstance()
    {
        var instance = new Calculator();
        using var container = Build(b => b.RegisterInstance(instance).As<ICalculator>());

        var first = container.Resolve<ICalculator>();
        var second = container.Resolve<ICalculator>();

        Assert.True(IsTimed(first));
        Assert.Same(first, second);
        Assert.Same(instance, TargetOf(first));
        Assert.Equal(4, first.Add(2, 2));
        Assert.Equal(1, container.Memory().Calls("Calculator.Add"));
    }

    [Fact]
    public void RegisterGeneric_AttributeOnGenericClass_TimesClosedComponent()
    {
        using var container = Build(b => b.RegisterGeneric(typeof(Repository<>)).As(typeof(IRepository<>)));

        var repository = container.Resolve<IRepository<string>>();

        // A generic implementation has no generated decorator: Castle times it on both paths.
        Assert.True(MetricsContainer.IsProxy(repository));
        Assert.Equal("key", repository.Find("key"));
        Assert.Equal(1, container.Memory().Calls("Repository.Find"));
    }

    [Fact]
    public void RegisterGeneric_AttributeOnGenericInterface_TimesEachClosedComponent()
    {
        using var container = Build(b => b.RegisterGeneric(typeof(Cache<>)).As(typeof(ICache<>)));

        var strings = container.Resolve<ICache<string>>();
        var numbers = container.Resolve<ICache<int>>();

        Assert.True(MetricsContainer.IsProxy(strings));
        Assert.True(MetricsContainer.IsProxy(numbers));
        Assert.Equal("a", strings.Get("a"));
        Assert.Equal(1, numbers.Get(1));
        Assert.Equal(2, container.Memory().Calls("Cache.Get"));
    }

    [Fact]
    public void RegisterGeneric_ResolvedFromScopeWithItsOwnRegistrations_TimesClosedComponent()
    {
        using var container = Build(b => b.RegisterGeneric(typeof(Repository<>)).As(typeof(IRepository<>)));
        using var scope = container.BeginLifetimeScope(b => b.RegisterType<Greeter>().As<IGreeter>());

        var repository = scope.Resolve<IRepository<int>>();

        Assert.True(MetricsContainer.IsProxy(repository));
        Assert.Equal(4, repository.Find(4));
        Assert.Equal(1, container.Memory().Calls("Repository.Find"));
    }

    [Fact]
    public void BeginLifetimeScope_TimedComponentRegisteredInScope_ResolvesProxy()
    {
        using var container = Build(_ => { });
        using var scope = container.BeginLifetimeScope(b =>
        {
            b.RegisterType<Calculator>().As<ICalculator>();
            b.RegisterGeneric(typeof(Cache<>)).As(typeof(ICache<>));
        });

        var calculator = scope.Resolve<ICalculator>();
        var cache = scope.Resolve<ICache<string>>();
        calculator.Add(1, 1);
        cache.Get("x");

        Assert.True(IsTimed(calculator));
        Assert.True(MetricsContainer.IsProxy(cache));
        Assert.Equal(["Cache.Get", "Calculator.Add"], container.Memory().TimedFunctions());
    }

    [Fact]
    public void Resolve_ThroughLazyFuncAndEnumerable_ReturnsProxies()
    {
        using var container = Build(b => b.RegisterType<Calculator>().As<ICalculator>());

        Assert.True(IsTimed(container.Resolve<Lazy<ICalculator>>().Value));
        Assert.True(IsTimed(container.Resolve<Func<ICalculator>>()()));
        Assert.True(IsTimed(Assert.Single(container.Resolve<IEnumerable<ICalculator>>())));
    }

    [Fact]
    public void RegisterAssemblyTypes_AsImplementedInterfaces_ProxiesOnlyTimedTypes()
    {
        using var container = Build(b => b.RegisterAssemblyTypes(typeof(ScannedTimed).Assembly)
            .Where(t => t.Namespace == typeof(ScannedTimed).Namespace)
            .AsImplementedInterfaces());

        var timed = container.Resolve<IScannedTimed>();
        var plain = container.Resolve<IScannedPlain>();

        Assert.True(IsTimed(timed));
        Assert.IsType<ScannedPlain>(plain);
        Assert.Equal(1, timed.Run());
        Assert.Equal(2, plain.Run());
        Assert.Equal(["ScannedTimed.Run"], container.Memory().TimedFunctions());
    }

    [Fact]
    public void Keyed_TimedService_ResolvesProxyByKey()
    {
        using var container = Build(b => b.RegisterType<Calculator>().Keyed<ICalculator>("fast"));

        var calculator = container.ResolveKeyed<ICalculator>("fast");

        Assert.True(IsTimed(calculator));
        Assert.Equal(9, calculator.Add(4, 5));
        Assert.Equal(1, container.Memory().Calls("Calculator.Add"));
    }

    [Fact]
    public void RegisterType_ComponentWithoutAttributes_ReturnsImplementationItself()
    {
        using var container = Build(b => b.RegisterType<Greeter>().As<IGreeter>());

        var greeter = container.Resolve<IGreeter>();

        Assert.IsType<Greeter>(greeter);
        Assert.Equal("Hello, Bo", greeter.Greet("Bo"));
        Assert.Empty(container.Memory().TimedFunctions());
    }

    [Fact]
    public void Resolve_UntimedMethodOfTimedComponent_RecordsNothing()
    {
        using var container = Build(b => b.RegisterType<Calculator>().As<ICalculator>());
        var calculator = container.Resolve<ICalculator>();

        Assert.Equal(42, calculator.Untimed());

        Assert.True(IsTimed(calculator));
        Assert.Empty(container.Memory().GetSamples(MetricNames.FunctionCalls));
        Assert.Empty(container.Memory().GetSamples(MetricNames.FunctionDuration));
    }

    [Fact]
    public void RegisterType_TimedClassRegisteredAsSelf_ResolvesUnproxiedInstance()
    {
        using var container = Build(b => b.RegisterType<SelfRegistered>().AsSelf());

        var component = container.Resolve<SelfRegistered>();

        Assert.IsType<SelfRegistered>(component);
        Assert.Equal(3, component.Run());
    }
}
