using Interception.Metrics.Tests.TestSupport;

namespace Interception.Metrics.Tests.Custom;

/// <summary>
/// Declaring custom metrics: idempotent for the same shape, and every mistake (another shape, a reserved name, an
/// invalid name, label or bucket list) is an <see cref="ArgumentException"/> at declaration that names it.
/// </summary>
public class MetricsFactoryTests
{
    /// <summary>A first declaration, then a second of the same name with another shape.</summary>
    public static TheoryData<string, Action<MetricsFactory>, Action<MetricsFactory>> Conflicts => new()
    {
        { "counter, then gauge", f => f.CreateCounter("shop_orders_total", "Orders.", "region"), f => f.CreateGauge("shop_orders_total", "Orders.", "region") },
        { "counter, then histogram", f => f.CreateCounter("shop_orders_total", "Orders.", "region"), f => f.CreateHistogram("shop_orders_total", "Orders.", null, "region") },
        { "gauge, then counter", f => f.CreateGauge("shop_queue_depth", "Depth."), f => f.CreateCounter("shop_queue_depth", "Depth.") },
        { "another label", f => f.CreateCounter("shop_orders_total", "Orders.", "region"), f => f.CreateCounter("shop_orders_total", "Orders.", "payment") },
        { "one label more", f => f.CreateCounter("shop_orders_total", "Orders.", "region"), f => f.CreateCounter("shop_orders_total", "Orders.", "region", "payment") },
        { "no labels", f => f.CreateCounter("shop_orders_total", "Orders.", "region"), f => f.CreateCounter("shop_orders_total", "Orders.") },
        { "labels in another order", f => f.CreateGauge("shop_stock", "Stock.", "store", "item"), f => f.CreateGauge("shop_stock", "Stock.", "item", "store") },
        { "other buckets", f => f.CreateHistogram("shop_basket_items", "Items.", [1, 5, 10]), f => f.CreateHistogram("shop_basket_items", "Items.", [1, 5, 20]) },
        { "default buckets, then own", f => f.CreateHistogram("shop_checkout_seconds", "Checkout.", null), f => f.CreateHistogram("shop_checkout_seconds", "Checkout.", [0.5, 1]) },
    };

    /// <summary>Names a custom metric of that type cannot take: catalogue names and the series names they expose.</summary>
    public static TheoryData<string, MetricType> Reserved => new()
    {
        { "function_calls_total", MetricType.Counter },
        { "function_duration_seconds", MetricType.Histogram },
        { "http_requests_total", MetricType.Counter },
        { "http_request_duration_seconds", MetricType.Gauge },
        { "database_queries_total", MetricType.Counter },
        { "database_query_duration_seconds", MetricType.Histogram },
        { "database_connections_active", MetricType.Gauge },
        { "background_tasks_total", MetricType.Counter },
        { "background_task_duration_seconds", MetricType.Histogram },
        { "background_workers_active", MetricType.Gauge },
        { "app_info", MetricType.Gauge },
        { "health_check_status", MetricType.Gauge },
        { "system_memory_usage_percent", MetricType.Gauge },
        { "system_cpu_usage_percent", MetricType.Gauge },
        { "system_disk_usage_percent", MetricType.Gauge },
        { "telegram_api_requests_total", MetricType.Counter },
        { "telegram_api_request_duration_seconds", MetricType.Histogram },
        { "telegram_updates_total", MetricType.Counter },
        { "bot_channels", MetricType.Gauge },
        { "bot_users", MetricType.Gauge },
        { "bot_scheduled_posts", MetricType.Gauge },
        { "bot_posts_sent_total", MetricType.Counter },
        { "bot_post_views_updates_total", MetricType.Counter },
        { "function_calls_in_progress", MetricType.Gauge },
        { "http_requests_in_progress", MetricType.Gauge },
        { "database_queries_in_progress", MetricType.Gauge },
        { "telegram_api_requests_in_progress", MetricType.Gauge },
        { "background_tasks_in_progress", MetricType.Gauge },
        { "metrics_backend_errors_total", MetricType.Counter },
        { "metrics_backend_dropped_total", MetricType.Counter },
        { "metrics_cardinality_overflow_total", MetricType.Counter },
        { "metrics_invalid_values_total", MetricType.Counter },
        { "statsd_dropped_total", MetricType.Counter },

        // Series names the catalogue exposes, and names that would expose one.
        { "function_duration_seconds_count", MetricType.Counter },
        { "function_duration_seconds_sum", MetricType.Gauge },
        { "http_request_duration_seconds_bucket", MetricType.Gauge },
        { "function_calls", MetricType.Counter },
        { "http_requests", MetricType.Gauge },
        { "bot_post_views_updates", MetricType.Histogram },
    };

    /// <summary>Invalid declarations, with a part of the message that names the problem.</summary>
    public static TheoryData<string, Action<MetricsFactory>, string> Invalid => new()
    {
        { "empty name", f => f.CreateCounter("", "Help."), "Invalid metric name ''" },
        { "name starting with a digit", f => f.CreateCounter("1orders_total", "Help."), "'1orders_total'" },
        { "name with a dash", f => f.CreateGauge("queue-depth", "Help."), "'queue-depth'" },
        { "name with a space", f => f.CreateHistogram("checkout seconds", "Help.", null), "'checkout seconds'" },
        { "label starting with __", f => f.CreateCounter("shop_orders_total", "Help.", "__secret"), "'__secret'" },
        { "label with a dash", f => f.CreateGauge("shop_stock", "Help.", "store-id"), "'store-id'" },
        { "label starting with a digit", f => f.CreateCounter("shop_orders_total", "Help.", "2fa"), "'2fa'" },
        { "empty label", f => f.CreateCounter("shop_orders_total", "Help.", ""), "Invalid label name ''" },
        { "duplicate label", f => f.CreateCounter("shop_orders_total", "Help.", "region", "region"), "Duplicate label name 'region'" },
        { "histogram label le", f => f.CreateHistogram("shop_checkout_seconds", "Help.", null, "le"), "'le'" },
        { "no buckets", f => f.CreateHistogram("shop_checkout_seconds", "Help.", []), "at least one bucket" },
        { "buckets not increasing", f => f.CreateHistogram("shop_checkout_seconds", "Help.", [1, 1]), "strictly increasing" },
        { "bucket not finite", f => f.CreateHistogram("shop_checkout_seconds", "Help.", [1, double.PositiveInfinity]), "not a finite number" },
        { "no help", f => f.CreateCounter("shop_orders_total", null!), "Description" },
    };

    [Fact]
    public void Create_SameShapeAgain_ReturnsTheSameMetric()
    {
        var factory = new MetricsFactory(new InMemoryMetricsBackend());

        Assert.Same(factory.CreateCounter("shop_orders_total", "Orders.", "region"), factory.CreateCounter("shop_orders_total", "Other help.", "region"));
        Assert.Same(factory.CreateGauge("shop_queue_depth", "Depth."), factory.CreateGauge("shop_queue_depth", "Depth."));
        Assert.Same(factory.CreateHistogram("shop_checkout_seconds", "Checkout.", null, "payment"), factory.CreateHistogram("shop_checkout_seconds", "Checkout.", null, "payment"));
        Assert.Same(factory.CreateHistogram("shop_basket_items", "Items.", [1, 5]), factory.CreateHistogram("shop_basket_items", "Items.", [1.0, 5.0]));
    }

    [Fact]
    public void CreateHistogram_NoBuckets_UsesTheFactorysDefaultBuckets()
    {
        var factory = new MetricsFactory(new InMemoryMetricsBackend(), defaultBuckets: [0.1, 0.2, 0.4]);

        var histogram = factory.CreateHistogram("shop_checkout_seconds", "Checkout.", null);

        Assert.Equal([0.1, 0.2, 0.4], histogram.Definition.Buckets!);
        Assert.Same(histogram, factory.CreateHistogram("shop_checkout_seconds", "Checkout.", [0.1, 0.2, 0.4]));
    }

    [Theory]
    [MemberData(nameof(Conflicts))]
    public void Create_SameNameAnotherShape_ThrowsNamingBothShapes(string conflict, Action<MetricsFactory> first, Action<MetricsFactory> second)
    {
        var factory = new MetricsFactory(new InMemoryMetricsBackend());
        first(factory);

        var exception = Assert.Throws<ArgumentException>(() => second(factory));

        Assert.Contains("already declared as a", exception.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be declared again as a", exception.Message, StringComparison.Ordinal);
        Assert.True(exception.Message.Contains("shop_", StringComparison.Ordinal), conflict);
    }

    [Fact]
    public void Create_NameDeclaredThroughThePortWithAnotherShape_ThrowsAtDeclaration()
    {
        var memory = new InMemoryMetricsBackend();
        var multi = new MultiMetricsBackend([memory]);
        multi.InitializeMetric(new MetricDefinition("shop_orders_total", MetricType.Counter, "Orders.", ["region"]));
        var factory = new MetricsFactory(multi);

        var exception = Assert.Throws<ArgumentException>(() => factory.CreateCounter("shop_orders_total", "Orders.", "payment"));

        Assert.Contains("shop_orders_total", exception.Message, StringComparison.Ordinal);
        Assert.Contains("payment", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Reserved))]
    public void Create_ReservedName_ThrowsNamingItAndDeclaresNothing(string name, MetricType type)
    {
        var memory = new InMemoryMetricsBackend();
        var factory = new MetricsFactory(memory);

        var exception = Assert.Throws<ArgumentException>(() => Declare(factory, name, type));

        Assert.Contains($"'{name}' is reserved", exception.Message, StringComparison.Ordinal);
        Assert.Equal("name", exception.ParamName);
        Assert.DoesNotContain(memory.Definitions, d => d.Description == "Help.");
    }

    [Theory]
    [InlineData("shop_function_calls_total", MetricType.Counter)]
    [InlineData("http_requests_in_flight", MetricType.Gauge)]
    [InlineData("app_info_requests_total", MetricType.Counter)]
    [InlineData("function_duration", MetricType.Histogram)]
    [InlineData("function_calls_total_by_region", MetricType.Gauge)]
    public void Create_NameCloseToTheCatalogue_IsFree(string name, MetricType type)
    {
        var memory = new InMemoryMetricsBackend();
        var factory = new MetricsFactory(memory);

        Declare(factory, name, type);

        Assert.Contains(memory.Definitions, d => d.Name == name && d.Type == type);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Create_InvalidDeclaration_ThrowsNamingTheProblemAndDeclaresNothing(string problem, Action<MetricsFactory> declare, string expected)
    {
        var memory = new InMemoryMetricsBackend();
        var factory = new MetricsFactory(memory);
        var before = memory.Definitions.Count;

        var exception = Assert.ThrowsAny<ArgumentException>(() => declare(factory));

        Assert.True(exception.Message.Contains(expected, StringComparison.Ordinal), $"{problem}: {exception.Message}");
        Assert.Equal(before, memory.Definitions.Count);
    }

    [Fact]
    public void Constructor_InvalidDefaultBuckets_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MetricsFactory(new InMemoryMetricsBackend(), defaultBuckets: [2, 1]));
        Assert.Throws<ArgumentNullException>(() => new MetricsFactory(null!));
    }

    [Fact]
    public void Record_EveryKind_ReachesEveryBackendOfTheFanOut()
    {
        var first = new InMemoryMetricsBackend();
        var second = new InMemoryMetricsBackend();
        var factory = new MetricsFactory(new MultiMetricsBackend([first, second]));
        var orders = factory.CreateCounter("shop_orders_total", "Orders.", "region");
        var depth = factory.CreateGauge("shop_queue_depth", "Depth.");
        var basket = factory.CreateHistogram("shop_basket_items", "Items.", [1, 5, 10], "region");

        orders.WithLabels("eu").Inc();
        orders.WithLabels("eu").Inc(2.5);
        orders.WithLabels("us").Inc();
        depth.Set(10);
        depth.Inc(3);
        depth.Dec();
        basket.WithLabels("eu").Observe(2);
        basket.WithLabels("eu").Observe(7);

        foreach (var memory in new[] { first, second })
        {
            Assert.Equal(3.5, memory.GetCounter("shop_orders_total", ("region", "eu")));
            Assert.Equal(1, memory.GetCounter("shop_orders_total", ("region", "us")));
            Assert.Equal(12, memory.GetGauge("shop_queue_depth"));
            var histogram = memory.GetHistogram("shop_basket_items", ("region", "eu"));
            Assert.Equal(2, histogram.Count);
            Assert.Equal(9, histogram.Sum);
        }
    }

    [Fact]
    public void Record_InvalidValues_DroppedCountedAndNeverThrown()
    {
        var memory = new InMemoryMetricsBackend();
        var factory = new MetricsFactory(memory);
        var orders = factory.CreateCounter("shop_orders_total", "Orders.");
        var depth = factory.CreateGauge("shop_queue_depth", "Depth.");
        var basket = factory.CreateHistogram("shop_basket_items", "Items.", [1, 5]);
        orders.Inc(2);
        depth.Set(4);
        basket.Observe(3);

        var exception = Record.Exception(() =>
        {
            orders.Inc(-1);
            orders.Inc(double.NaN);
            depth.Set(double.NaN);
            depth.Inc(double.PositiveInfinity);
            depth.Set(double.MaxValue);
            depth.Inc(double.MaxValue);
            basket.Observe(-0.5);
            basket.Observe(double.PositiveInfinity);
        });

        Assert.Null(exception);
        Assert.Equal(2, memory.GetCounter("shop_orders_total"));
        Assert.Equal(double.MaxValue, memory.GetGauge("shop_queue_depth"));
        Assert.Equal(double.MaxValue, depth.WithLabels().Value);
        Assert.Equal(1, memory.GetHistogram("shop_basket_items").Count);
        Assert.Equal(2, memory.GetCounter("metrics_invalid_values_total", ("metric", "shop_orders_total")));
        Assert.Equal(3, memory.GetCounter("metrics_invalid_values_total", ("metric", "shop_queue_depth")));
        Assert.Equal(2, memory.GetCounter("metrics_invalid_values_total", ("metric", "shop_basket_items")));
    }

    [Fact]
    public void Record_ABackendThrows_CallerUnaffectedOtherBackendExactFailureCounted()
    {
        var throwing = new ThrowingMetricsBackend(failBind: false);
        var memory = new InMemoryMetricsBackend();
        var multi = new MultiMetricsBackend([throwing, memory]);
        var factory = new MetricsFactory(multi);
        var orders = factory.CreateCounter("shop_orders_total", "Orders.", "region");
        var depth = factory.CreateGauge("shop_queue_depth", "Depth.");

        var exception = Record.Exception(() =>
        {
            orders.WithLabels("eu").Inc();
            orders.WithLabels("eu").Inc();
            depth.Inc(5);
        });

        Assert.Null(exception);
        Assert.Equal(2, memory.GetCounter("shop_orders_total", ("region", "eu")));
        Assert.Equal(5, memory.GetGauge("shop_queue_depth"));
        Assert.True(multi.GetFailureCount(0) >= 3);
        Assert.True(memory.GetCounter("metrics_backend_errors_total", ("backend", "throwing")) >= 3);
    }

    [Fact]
    public void WithLabels_PastTheCardinalityLimit_FoldsIntoTheOverflowSeriesAndCountsEachFold()
    {
        var memory = new InMemoryMetricsBackend(cardinalityLimit: 3);
        var factory = new MetricsFactory(memory);
        var logins = factory.CreateCounter("shop_logins_total", "Logins.", "user");
        var sessions = factory.CreateGauge("shop_sessions", "Sessions.", "user");

        for (var user = 0; user < 10; user++)
        {
            logins.WithLabels($"user{user}").Inc();
            sessions.WithLabels($"user{user}").Inc();
        }

        Assert.Equal(4, memory.GetSamples("shop_logins_total").Count);
        Assert.Equal(7, memory.GetCounter("shop_logins_total", ("user", "__overflow__")));
        Assert.Equal(7, memory.GetCounter("metrics_cardinality_overflow_total", ("metric", "shop_logins_total")));
        Assert.Equal(10, memory.GetSamples("shop_logins_total").Sum(s => s.Value));

        // The folded label sets share one gauge child: it counts them all, as one series.
        Assert.Same(sessions.WithLabels("user5"), sessions.WithLabels("user9"));
        Assert.Equal(7, memory.GetGauge("shop_sessions", ("user", "__overflow__")));
    }

    [Fact]
    public void WithLabels_ValuesThatRenderAlike_ShareOneChild()
    {
        var memory = new InMemoryMetricsBackend();
        var factory = new MetricsFactory(memory);
        var sessions = factory.CreateGauge("shop_sessions", "Sessions.", "user");

        sessions.WithLabels([null!]).Inc();
        sessions.WithLabels("").Inc();
        sessions.WithLabels("x\uD800").Inc();
        sessions.WithLabels("x\uDFFF").Inc();

        Assert.Same(sessions.WithLabels(""), sessions.WithLabels([null!]));
        Assert.Same(sessions.WithLabels("x\uD800"), sessions.WithLabels("x\uDFFF"));
        Assert.Equal(2, memory.GetGauge("shop_sessions", ("user", "")));
        Assert.Equal(2, memory.GetGauge("shop_sessions", ("user", "x\uFFFD")));
    }

    [Fact]
    public void Create_TwoFactoriesOverTwoBackends_ShareNothing()
    {
        var first = new InMemoryMetricsBackend();
        var second = new InMemoryMetricsBackend();
        var one = new MetricsFactory(first);
        var other = new MetricsFactory(second);

        one.CreateCounter("shop_orders_total", "Orders.").Inc(3);
        other.CreateGauge("shop_orders_total", "A gauge here.").Set(5);

        Assert.Equal(3, first.GetCounter("shop_orders_total"));
        Assert.Equal(5, second.GetGauge("shop_orders_total"));
        Assert.Equal(MetricType.Counter, Assert.Single(first.Definitions, d => d.Name == "shop_orders_total").Type);
        Assert.Equal(MetricType.Gauge, Assert.Single(second.Definitions, d => d.Name == "shop_orders_total").Type);
    }

    private static void Declare(MetricsFactory factory, string name, MetricType type)
    {
        switch (type)
        {
            case MetricType.Counter: factory.CreateCounter(name, "Help."); break;
            case MetricType.Gauge: factory.CreateGauge(name, "Help."); break;
            default: factory.CreateHistogram(name, "Help.", null); break;
        }
    }
}
