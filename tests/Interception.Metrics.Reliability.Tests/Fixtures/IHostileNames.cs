using System.Diagnostics.CodeAnalysis;

namespace Interception.Metrics.Reliability.Tests.Fixtures;

/// <summary>A timed method whose attribute name and constant label are hostile.</summary>
public interface IHostileNames
{
    [MetricsTimer(Name = HostileValues.AttributeName, Labels = [HostileValues.AttributeLabel])]
    [SuppressMessage("Naming", "INTM008:Name does not render as written", Justification = "Hostile on purpose: every backend must escape or sanitize it.")]
    int Call(int value);
}
