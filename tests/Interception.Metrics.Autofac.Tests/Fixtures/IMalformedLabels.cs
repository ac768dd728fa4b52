using System.Diagnostics.CodeAnalysis;

namespace Interception.Metrics.Autofac.Tests.Fixtures;

public interface IMalformedLabels
{
    [MetricsTimer(Labels = ["nokey"])]
    [SuppressMessage("Naming", "INTM006:Malformed Labels entry", Justification = "Malformed on purpose: the container must leave this method untimed and time the others.")]
    int Double(int value);

    [MetricsTimer]
    int Healthy();
}
