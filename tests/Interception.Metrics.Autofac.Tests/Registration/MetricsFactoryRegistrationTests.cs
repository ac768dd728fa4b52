using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Interception.Metrics.Autofac.Tests.Registration;

/// <summary>
/// The module registers one <see cref="MetricsFactory"/> per container, over the same fan-out as the catalogue, with
/// the configured buckets and the container's clock.
/// </summary>
public class MetricsFactoryRegistrationTests
{
    [Fact]
    public void Resolve_TwiceInOneContainer_SameFactoryAndTheSameMetrics()
    {
        using var container = MetricsContainer.Build(_ => { });

        var factory = container.Resolve<MetricsFactory>();

        Assert.Same(factory, container.Resolve<MetricsFactory>());
        Assert.Same(factory.CreateCounter("shop_orders_total", "Orders."), container.Resolve<MetricsFactory>().CreateCounter("shop_orders_total", "Orders."));
        Assert.False(MetricsContainer.IsProxy(factory));
    }

    [Fact]
    public void Record_ApplicationRegisteredBackend_ReceivesCustomMetricsWithTheConfiguredOnes()
    {
        var mine = new InMemoryMetricsBackend();
        using var container = MetricsContainer.Build(b => b.RegisterInstance(mine).As<IMetricsBackend>());

        container.Resolve<MetricsFactory>().CreateCounter("shop_orders_total", "Orders.", "region").WithLabels("eu").Inc(2);

        Assert.Equal(2, mine.GetCounter("shop_orders_total", ("region", "eu")));
        Assert.Equal(2, container.Memory().GetCounter("shop_orders_total", ("region", "eu")));
    }

    [Fact]
    public void CreateHistogram_NoBuckets_UsesTheConfiguredBucketsAndTheContainersClock()
    {
        var time = new FakeTimeProvider();
        using var container = MetricsContainer.Build(
            b => b.RegisterInstance(time).As<TimeProvider>(),
            ("Metrics:Histogram:Buckets:0", "0.5"),
            ("Metrics:Histogram:Buckets:1", "2"));
        var histogram = container.Resolve<MetricsFactory>().CreateHistogram("shop_checkout_duration_seconds", "Checkout.", null);

        using (histogram.Time())
        {
            time.Advance(TimeSpan.FromSeconds(1.5));
        }

        Assert.Equal([0.5, 2.0], histogram.Definition.Buckets!);
        Assert.Equal(1.5, container.Memory().GetHistogram("shop_checkout_duration_seconds").Sum, 9);
    }

    [Fact]
    public void Record_MetricsDisabled_FactoryResolvesAndRecordsNothingWithoutThrowing()
    {
        using var container = MetricsContainer.Build(_ => { }, ("Metrics:Enabled", "false"));
        var factory = container.Resolve<MetricsFactory>();

        var exception = Record.Exception(() =>
        {
            factory.CreateCounter("shop_orders_total", "Orders.", "region").WithLabels("eu").Inc();
            factory.CreateGauge("shop_queue_depth", "Depth.").Inc();
            factory.CreateHistogram("shop_checkout_duration_seconds", "Checkout.", null).Observe(1);
        });

        Assert.Null(exception);
        Assert.Empty(container.Resolve<MultiMetricsBackend>().Backends);
    }

    [Fact]
    public void Resolve_TwoContainers_TwoFactoriesSharingNothing()
    {
        using var first = MetricsContainer.Build(_ => { });
        using var second = MetricsContainer.Build(_ => { });

        first.Resolve<MetricsFactory>().CreateCounter("shop_orders_total", "Orders.").Inc();
        second.Resolve<MetricsFactory>().CreateGauge("shop_orders_total", "Another shape, another container.").Set(4);

        Assert.NotSame(first.Resolve<MetricsFactory>(), second.Resolve<MetricsFactory>());
        Assert.Equal(1, first.Memory().GetCounter("shop_orders_total"));
        Assert.Equal(4, second.Memory().GetGauge("shop_orders_total"));
    }
}
