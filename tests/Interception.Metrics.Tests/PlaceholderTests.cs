namespace Interception.Metrics.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Definition_InvalidName_Throws() =>
        Assert.Throws<ArgumentException>(() => new MetricDefinition("http requests", MetricType.Counter, "x"));
}
