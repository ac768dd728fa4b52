using Interception.Metrics.StatsD.Protocol;

namespace Interception.Metrics.StatsD.Transport;

/// <summary>One queued recording: the series (which knows its line) and the value.</summary>
internal readonly record struct StatsDEntry(StatsDSeries Series, double Value);
