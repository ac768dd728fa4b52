using System.Runtime.CompilerServices;
using Castle.DynamicProxy;
using Interception.Metrics.DynamicProxy.Tests.Fixtures;
using Interception.Metrics.Proxying;

namespace Interception.Metrics.DynamicProxy.Tests.Proxying;

public class MetricsProxyFactoryTests
{
    [Fact]
    public void CreateProxy_TimedMethodWithSpanParameter_ForwardsItUntimedAndTimesTheOthers()
    {
        var harness = new InterceptorHarness();
        var shapes = harness.ProxyOf<IShapes>(new Shapes());

        Assert.Equal(6, shapes.Sum([1, 2, 3]));
        Assert.Equal(3, shapes.Count());

        Assert.Equal(0, harness.Calls("Shapes.Sum", "success"));
        Assert.Equal(1, harness.Calls("Shapes.Count", "success"));
    }

    [Fact]
    public void CreateProxy_TimedMethodReturningByReference_ForwardsItUntimed()
    {
        var harness = new InterceptorHarness();
        var target = new Shapes();
        var shapes = harness.ProxyOf<IShapes>(target);

        shapes.Slot() = 9;

        Assert.Equal(9, target.Slot());
        Assert.Equal(0, harness.Calls("Shapes.Slot", "success"));
    }

    [Fact]
    public void CreateProxy_ToString_AnswersAsTheTarget()
    {
        var harness = new InterceptorHarness();

        var shapes = harness.ProxyOf<IShapes>(new Shapes());

        Assert.True(ProxyUtil.IsProxy(shapes));
        Assert.Equal("shapes #7", shapes.ToString());
        Assert.Equal(harness.Target.ToString(), harness.Proxy.ToString());
    }

    [Fact]
    public void CreateProxy_EqualsAndGetHashCode_AreTheProxysOwnIdentity()
    {
        var harness = new InterceptorHarness();
        var target = new Shapes();

        var shapes = harness.ProxyOf<IShapes>(target);
        var other = harness.ProxyOf<IShapes>(new Shapes());

        // The targets treat every Shapes as equal, with hash code 7; their proxies do not forward that.
        Assert.True(target.Equals(new Shapes()));
        Assert.True(shapes.Equals(shapes));
        Assert.False(shapes.Equals(other));
        Assert.False(shapes.Equals(target));
        Assert.False(target.Equals(shapes));
        Assert.Equal(RuntimeHelpers.GetHashCode(shapes), shapes.GetHashCode());
    }

    [Fact]
    public void ProxyInterfaces_ClassAlsoImplementingStaticAbstractInterface_LeavesThatInterfaceOut()
    {
        var interfaces = MetricsProxyFactory.ProxyInterfaces(typeof(ParsableCount), [typeof(ICount)]);

        Assert.Equal([typeof(ICount), typeof(IComparable)], interfaces);
    }

    [Fact]
    public void CreateProxy_ClassAlsoImplementingStaticAbstractInterface_TimesItsService()
    {
        var harness = new InterceptorHarness();
        var interfaces = MetricsProxyFactory.ProxyInterfaces(typeof(ParsableCount), [typeof(ICount)]);

        var count = (ICount)harness.Factory.CreateProxy(new ParsableCount(), interfaces, typeof(ParsableCount));

        Assert.Equal(5, count.Count());
        Assert.Equal(1, harness.Calls("ParsableCount.Count", "success"));
    }

    [Fact]
    public void IsTimingProxy_OursDirectlyOrUnderAnotherProxy_True()
    {
        var harness = new InterceptorHarness();
        var foreign = new ProxyGenerator().CreateInterfaceProxyWithTarget(harness.Proxy, new PassThroughInterceptor());
        var plainForeign = new ProxyGenerator().CreateInterfaceProxyWithTarget<IOrders>(new Orders(), new PassThroughInterceptor());

        Assert.True(MetricsProxyFactory.IsTimingProxy(harness.Proxy));
        Assert.True(MetricsProxyFactory.IsTimingProxy(foreign));
        Assert.False(MetricsProxyFactory.IsTimingProxy(plainForeign));
        Assert.False(MetricsProxyFactory.IsTimingProxy(harness.Target));
    }

    public interface ICount
    {
        [MetricsTimer]
        int Count();
    }

    public sealed class ParsableCount : ICount, IParsable<ParsableCount>, IComparable
    {
        public int Count() => 5;

        public int CompareTo(object? obj) => 0;

        public static ParsableCount Parse(string s, IFormatProvider? provider) => new();

        public static bool TryParse(string? s, IFormatProvider? provider, out ParsableCount result)
        {
            result = new ParsableCount();
            return true;
        }
    }
}
