namespace Interception.Metrics.Reliability.Tests.Fixtures;

/// <summary>
/// A service of an application that declares its own metrics once, in its constructor, from the container's
/// <see cref="MetricsFactory"/>.
/// </summary>
internal sealed class CheckoutMetrics
{
    public CheckoutMetrics(MetricsFactory metrics)
    {
        Orders = metrics.CreateCounter("shop_orders_total", "Orders placed, by region and payment.", "region", "payment");
        Restarts = metrics.CreateCounter("shop_restarts_total", "Restarts of the checkout worker.");
        QueueDepth = metrics.CreateGauge("shop_queue_depth", "Orders waiting, by queue.", "queue");
        CheckoutSeconds = metrics.CreateHistogram("shop_checkout_duration_seconds", "Checkout time in seconds.", [0.1, 0.5, 1, 5], "payment");
    }

    public CustomCounter Orders { get; }

    public CustomCounter Restarts { get; }

    public CustomGauge QueueDepth { get; }

    public CustomHistogram CheckoutSeconds { get; }
}
