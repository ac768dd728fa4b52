namespace Interception.Metrics.Autofac.Tests.Fixtures;

public sealed class ShiftWorker : IShiftWorker
{
    public string Shift => "night";

    public int Work() => 8;
}
