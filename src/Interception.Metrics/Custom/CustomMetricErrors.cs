namespace Interception.Metrics.Custom;

/// <summary>The exceptions the custom metrics throw, with messages that name the metric and what to do.</summary>
internal static class CustomMetricErrors
{
    public static InvalidOperationException HasLabels(MetricDefinition definition) =>
        new($"Metric '{definition.Name}' has labels [{string.Join(", ", definition.Labels)}]: record on WithLabels(...) with one value per label.");
}
