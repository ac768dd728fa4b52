namespace Interception.Metrics.Autofac.Tests.Fixtures;

public interface IPricing
{
    [MetricsTimer(MetricKind.Database, Name = "pricing.price.interface")]
    decimal Price();

    [MetricsTimer(Name = "pricing.tax")]
    decimal Tax();
}
