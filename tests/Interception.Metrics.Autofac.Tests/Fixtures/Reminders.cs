namespace Interception.Metrics.Autofac.Tests.Fixtures;

public sealed class Reminders : IReminders
{
    public int Schedule(DateTimeOffset when) => when.Day;

    public int Remind(bool urgent) => urgent ? 1 : 0;
}
