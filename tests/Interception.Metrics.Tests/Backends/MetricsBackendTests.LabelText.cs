using System.Text.RegularExpressions;

namespace Interception.Metrics.Tests.Backends;

/// <summary>
/// Label values that are not valid UTF-16 (a lone surrogate, as left by text cut inside an emoji) are normalised to
/// U+FFFD before a series is bound, so that values every exposition renders alike are one series with the exact total.
/// </summary>
public partial class MetricsBackendTests
{
    [Fact]
    public void Bind_LoneSurrogatesThatRenderAlike_OneSeriesWithTheExactTotal()
    {
        var backend = CreateBackend();

        backend.Bind("requests_total", ["/x\uD800", "200"]).Record(1);
        backend.Bind("requests_total", ["/x\uD801", "200"]).Record(2);
        backend.RecordCounter("requests_total", 4, new Dictionary<string, string> { ["method"] = "/x\uDFFF", ["status"] = "200" });

        var sample = Assert.Single(backend.GetSamples("requests_total"));
        Assert.Equal("/x\uFFFD", sample.Labels["method"]);
        Assert.Equal(7, sample.Value);
        Assert.Equal(1, backend.GetSeriesCount("requests_total"));
    }

    // Written escaped, so that the test names show which code units are tested (a lone surrogate cannot be printed).
    [Theory]
    [InlineData(@"\uD83D", @"\uFFFD")]
    [InlineData(@"\uDE00", @"\uFFFD")]
    [InlineData(@"a\uDE00\uD83Db", @"a\uFFFD\uFFFDb")]
    [InlineData(@"cut emoji \uD83D", @"cut emoji \uFFFD")]
    [InlineData(@"\uD83D\uD83D\uDE00", @"\uFFFD\uD83D\uDE00")]
    [InlineData(@"\uD83D\uDE00\uDE00", @"\uD83D\uDE00\uFFFD")]
    public void Bind_LoneSurrogate_RecordedAsReplacementCharacter(string escapedValue, string escapedExpected)
    {
        var backend = CreateBackend();
        var value = Regex.Unescape(escapedValue);

        backend.Bind("latency_seconds", [value]).Record(0.5);

        Assert.Equal(Regex.Unescape(escapedExpected), Assert.Single(backend.GetSamples("latency_seconds")).Labels["method"]);
    }

    [Theory]
    [InlineData("🙂")]
    [InlineData("ünïcødé 日本 🚀 \uD83D\uDE00")]
    [InlineData("plain")]
    [InlineData("")]
    public void Bind_ValidText_KeptExactlyAndTheSameSeriesReturned(string value)
    {
        var backend = CreateBackend();

        var first = backend.Bind("latency_seconds", [value]);
        var second = backend.Bind("latency_seconds", [value]);

        Assert.Same(first, second);
        first.Record(0.5);
        Assert.Equal(value, Assert.Single(backend.GetSamples("latency_seconds")).Labels["method"]);
    }

    [Fact]
    public void Bind_LoneSurrogateInConstantLabel_NormalisedLikeOtherLabels()
    {
        var backend = CreateBackend();

        backend.Bind("latency_seconds", ["GET"], [new("team", "core\uD800")]).Record(1);
        backend.Bind("latency_seconds", ["GET"], [new("team", "core\uDBFF")]).Record(2);

        var sample = Assert.Single(backend.GetSamples("latency_seconds"));
        Assert.Equal("core\uFFFD", sample.Labels["team"]);
        Assert.Equal(3, sample.Sum);
    }

    [Fact]
    public void Bind_LoneSurrogatesThroughTheFanOut_EveryChildGetsOneSeries()
    {
        var memory = new InMemoryMetricsBackend();
        var multi = new MultiMetricsBackend([memory]);
        multi.InitializeMetric(_requests);

        multi.Bind("requests_total", ["/x\uD800", "200"]).Record(1);
        multi.Bind("requests_total", ["/x\uD801", "200"]).Record(2);

        var sample = Assert.Single(memory.GetSamples("requests_total"));
        Assert.Equal(3, sample.Value);
        Assert.Equal("/x\uFFFD", sample.Labels["method"]);
    }

    [Fact]
    public void Bind_ExistingValidLabelSet_AllocatesNothing()
    {
        var backend = CreateBackend();
        string[] values = ["GET", "200"];
        backend.Bind("requests_total", values);
        for (var i = 0; i < 1_000; i++)
        {
            backend.Bind("requests_total", values);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            backend.Bind("requests_total", values);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
