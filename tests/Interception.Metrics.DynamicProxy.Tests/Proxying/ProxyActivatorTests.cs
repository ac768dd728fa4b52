using System.Runtime.CompilerServices;
using Castle.DynamicProxy;
using Interception.Metrics.DynamicProxy.Tests.Fixtures;
using Interception.Metrics.Proxying;

namespace Interception.Metrics.DynamicProxy.Tests.Proxying;

public class ProxyActivatorTests
{
    [Fact]
    public void ActivatorFor_SamePlanAndTargetType_ReturnsOneActivatorWhoseProxiesShareOneType()
    {
        var harness = new InterceptorHarness();
        var plan = MetricsProxyFactory.Plan(typeof(Ledger), [typeof(ILedger)]);

        var first = harness.Factory.ActivatorFor(plan, typeof(Ledger));
        var second = harness.Factory.ActivatorFor(plan, typeof(Ledger));
        var one = first.Create(new Ledger());
        var other = second.Create(new Ledger());

        Assert.Same(first, second);
        Assert.True(first.IsBound);
        Assert.NotSame(one, other);
        Assert.Same(first.ProxyType, one.GetType());
        Assert.Same(first.ProxyType, other.GetType());
    }

    [Fact]
    public void ActivatorFor_AnotherPlanOfTheSameType_ReusesCastlesProxyType()
    {
        var harness = new InterceptorHarness();

        var first = harness.Factory.ActivatorFor(MetricsProxyFactory.Plan(typeof(Ledger), [typeof(ILedger)]), typeof(Ledger));
        var second = harness.Factory.ActivatorFor(MetricsProxyFactory.Plan(typeof(Ledger), [typeof(ILedger)]), typeof(Ledger));

        Assert.NotSame(first, second);
        Assert.Same(first.ProxyType, second.ProxyType);
    }

    [Fact]
    public void Create_BoundConstructor_TimesOnlyTheTimedMethodsOfEachProxysOwnTarget()
    {
        var harness = new InterceptorHarness();
        var activator = harness.Factory.ActivatorFor(MetricsProxyFactory.Plan(typeof(Ledger), [typeof(ILedger)]), typeof(Ledger));
        var firstTarget = new Ledger();
        var secondTarget = new Ledger();

        var first = (ILedger)activator.Create(firstTarget);
        var second = (ILedger)activator.Create(secondTarget);
        first.Post(5);
        first.Post(2);
        second.Post(1);

        Assert.Equal(7, first.Balance());
        Assert.Equal(7, firstTarget.Balance());
        Assert.Equal(1, secondTarget.Balance());
        Assert.Same(firstTarget, ((IProxyTargetAccessor)first).DynProxyGetTarget());
        Assert.Equal([harness.Interceptor], ((IProxyTargetAccessor)first).GetInterceptors());
        Assert.True(MetricsProxyFactory.IsTimingProxy(first));
        Assert.Equal(3, harness.Calls("Ledger.Post", "success"));
        Assert.Equal(0, harness.Calls("Ledger.Balance", "success"));
    }

    [Fact]
    public void Create_BoundConstructor_ImplementsTheImplementationsOtherInterfaces()
    {
        var harness = new InterceptorHarness();
        var activator = harness.Factory.ActivatorFor(MetricsProxyFactory.Plan(typeof(Ledger), [typeof(ILedger)]), typeof(Ledger));

        var proxy = activator.Create(new Ledger());
        var audited = Assert.IsAssignableFrom<IAudited>(proxy);
        ((ILedger)proxy).Post(3);

        Assert.Equal("audited 3", audited.Audit());
        Assert.Equal(1, harness.Calls("Ledger.Audit", "success"));
    }

    [Fact]
    public void Create_BoundConstructor_ToStringIsTheTargetsAndEqualityTheProxysOwn()
    {
        var harness = new InterceptorHarness();
        var activator = harness.Factory.ActivatorFor(MetricsProxyFactory.Plan(typeof(Ledger), [typeof(ILedger)]), typeof(Ledger));
        var target = new Ledger();

        var proxy = activator.Create(target);
        var other = activator.Create(new Ledger());

        Assert.IsAssignableFrom<TimingProxy>(proxy);
        Assert.Equal("ledger", proxy.ToString());
        Assert.True(target.Equals(new Ledger()));
        Assert.False(proxy.Equals(other));
        Assert.False(proxy.Equals(target));
        Assert.Equal(RuntimeHelpers.GetHashCode(proxy), proxy.GetHashCode());
    }

    [Fact]
    public void Constructor_OptionsWithMixin_CreatesThroughCastlesGeneralPath()
    {
        var harness = new InterceptorHarness();
        var plan = MetricsProxyFactory.Plan(typeof(Ledger), [typeof(ILedger)]);
        var options = new ProxyGenerationOptions(new MetricsProxyGenerationHook(typeof(Ledger), ownAttributesOnly: false))
        {
            Selector = new MetricsInterceptorSelector(harness.Interceptor, ownAttributesOnly: false),
        };
        options.AddMixinInstance(new Note());

        var activator = new ProxyActivator(new ProxyGenerator(), plan, typeof(Ledger), options, [harness.Interceptor]);
        var proxy = activator.Create(new Ledger());
        ((ILedger)proxy).Post(4);

        Assert.False(activator.IsBound);
        Assert.Equal("note", ((INote)proxy).Text());
        Assert.Equal(1, harness.Calls("Ledger.Post", "success"));
    }

    [Fact]
    public void ActivatorFor_TargetNotImplementingThePrimaryInterface_ThrowsArgumentException()
    {
        var harness = new InterceptorHarness();
        var plan = MetricsProxyFactory.Plan(typeof(Ledger), [typeof(ILedger)]);

        var exception = Assert.Throws<ArgumentException>(() => harness.Factory.ActivatorFor(plan, typeof(Note)));

        Assert.Contains(typeof(ILedger).FullName!, exception.Message, StringComparison.Ordinal);
    }

    public interface ILedger
    {
        [MetricsTimer]
        void Post(int amount);

        int Balance();
    }

    public interface IAudited
    {
        [MetricsTimer]
        string Audit();
    }

    public interface INote
    {
        string Text();
    }

    public sealed class Ledger : ILedger, IAudited
    {
        private int _balance;

        public void Post(int amount) => _balance += amount;

        public int Balance() => _balance;

        public string Audit() => $"audited {_balance}";

        public override string ToString() => "ledger";

        public override bool Equals(object? obj) => obj is Ledger;

        public override int GetHashCode() => 1;
    }

    public sealed class Note : INote
    {
        public string Text() => "note";
    }
}
