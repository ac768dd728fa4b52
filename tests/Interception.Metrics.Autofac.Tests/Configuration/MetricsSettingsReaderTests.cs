using Interception.Metrics.Autofac.Tests.TestSupport;

namespace Interception.Metrics.Autofac.Tests.Configuration;

/// <summary>The "Metrics" section is validated when the container is built.</summary>
public class MetricsSettingsReaderTests
{
    [Fact]
    public void Build_UnknownKeyUnderMetrics_FailsNamingKeyAndValidKeys()
    {
        var error = ConfigurationFailure.Of(("Metrics:Bogus", "1"));

        Assert.Equal("Metrics:Bogus", error.Key);
        Assert.Contains("Metrics:Bogus", error.Message, StringComparison.Ordinal);
        Assert.Contains("Enabled, AutoIntercept, CardinalityLimit, Histogram, App, Backends", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EnabledNotBoolean_FailsNamingKeyAndValidValues()
    {
        var error = ConfigurationFailure.Of(("Metrics:Enabled", "maybe"));

        Assert.Equal("Metrics:Enabled", error.Key);
        Assert.Contains("'maybe'", error.Message, StringComparison.Ordinal);
        Assert.Contains("true or false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AutoInterceptNotBoolean_FailsNamingKey()
    {
        var error = ConfigurationFailure.Of(("Metrics:AutoIntercept", "yes please"));

        Assert.Equal("Metrics:AutoIntercept", error.Key);
        Assert.Contains("true or false", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1000001")]
    public void Build_CardinalityLimitOutOfRange_FailsNamingKeyAndRange(string limit)
    {
        var error = ConfigurationFailure.Of(("Metrics:CardinalityLimit", limit));

        Assert.Equal("Metrics:CardinalityLimit", error.Key);
        Assert.Contains("Metrics:CardinalityLimit", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 1000000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BucketsNotIncreasing_FailsNamingKey()
    {
        var error = ConfigurationFailure.Of(
            ("Metrics:Histogram:Buckets:0", "0.1"),
            ("Metrics:Histogram:Buckets:1", "1"),
            ("Metrics:Histogram:Buckets:2", "0.5"));

        Assert.Equal("Metrics:Histogram:Buckets", error.Key);
        Assert.Contains("strictly increasing", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BucketNotANumber_FailsNamingEntry()
    {
        var error = ConfigurationFailure.Of(("Metrics:Histogram:Buckets:0", "fast"));

        Assert.Equal("Metrics:Histogram:Buckets:0", error.Key);
        Assert.Contains("'fast'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownKeyUnderHistogram_FailsListingValidKeys()
    {
        var error = ConfigurationFailure.Of(("Metrics:Histogram:Bucket:0", "1"));

        Assert.Equal("Metrics:Histogram:Bucket", error.Key);
        Assert.Contains("Valid keys: Buckets", error.Message, StringComparison.Ordinal);
    }
}
