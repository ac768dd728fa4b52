namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>A service interface whose only timed method is inherited from <see cref="IWorker"/>.</summary>
public interface IShiftWorker : IWorker
{
    string Shift { get; }
}
