using Interception.Metrics.Timing.Arguments;

namespace Interception.Metrics.Timing;

/// <summary>What the attributes say about one method of one implementation type.</summary>
/// <param name="Kind">The metric kind.</param>
/// <param name="Name">The operation's label value.</param>
/// <param name="ConstantLabels">Extra labels parsed from <see cref="MetricsTimerAttribute.Labels"/>.</param>
/// <param name="HttpMethod">The <c>method</c> label for <see cref="MetricKind.Http"/>.</param>
/// <param name="CollectSystemMetrics">Whether a call starts a throttled system metrics refresh.</param>
/// <param name="TrackInProgress">Whether the operation keeps an in-progress gauge.</param>
/// <param name="ArgumentLabels">The <see cref="MetricLabelAttribute"/> parameters, in parameter order.</param>
internal sealed record TimedMethod(
    MetricKind Kind,
    string Name,
    IReadOnlyList<KeyValuePair<string, string>> ConstantLabels,
    string HttpMethod,
    bool CollectSystemMetrics,
    bool TrackInProgress,
    IReadOnlyList<ArgumentLabelParameter> ArgumentLabels);
