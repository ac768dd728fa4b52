using Autofac;
using Interception.Metrics.Autofac.Tests.Fixtures;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Autofac.Tests.Registration;

/// <summary>Timed components that cannot be (fully) timed are reported through the application's logger.</summary>
public abstract partial class InterceptionAttacherTests
{
    [Fact]
    public void Build_TimedClassRegisteredAsSelf_LogsWarningNamingIt()
    {
        var logs = new RecordingLoggerFactory();
        using var container = Build(b =>
        {
            b.RegisterInstance(logs).As<ILoggerFactory>();
            b.RegisterType<SelfRegistered>().AsSelf();
        });

        var warning = Assert.Single(logs.Messages);
        Assert.Contains(typeof(SelfRegistered).FullName!, warning, StringComparison.Ordinal);
        Assert.Contains("not timed", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_LambdaReturningTimedClassAsSelf_LogsWarningNamingIt()
    {
        var logs = new RecordingLoggerFactory();
        using var container = Build(b =>
        {
            b.RegisterInstance(logs).As<ILoggerFactory>();
            b.Register(_ => new SelfRegistered()).AsSelf();
        });

        Assert.Equal(3, container.Resolve<SelfRegistered>().Run());

        var warning = Assert.Single(logs.Messages);
        Assert.Contains(typeof(SelfRegistered).FullName!, warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_LoggerThrowsOnWarnings_BuildAndResolveSucceedUntimed()
    {
        using var container = MetricsContainer.Build(b =>
        {
            b.RegisterInstance(new ThrowingLoggerFactory()).As<ILoggerFactory>();
            b.RegisterType<SelfRegistered>().Named<SelfRegistered>("at-build");
            b.Register(_ => new SelfRegistered()).AsSelf();
        });

        Assert.Equal(3, container.Resolve<SelfRegistered>().Run());
        Assert.Equal(3, container.ResolveNamed<SelfRegistered>("at-build").Run());
    }

    [Fact]
    public void Build_MalformedLabel_LogsWarningNamingLabel()
    {
        var logs = new RecordingLoggerFactory();
        using var container = Build(b =>
        {
            b.RegisterInstance(logs).As<ILoggerFactory>();
            b.RegisterType<MalformedLabels>().As<IMalformedLabels>();
        });

        Assert.Contains(logs.Messages, m => m.Contains("'nokey'", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_LabelParameterOfARefusedType_WarnsNamingMethodAndParameterAndTimesTheOtherMethods()
    {
        var logs = new RecordingLoggerFactory();
        using var container = Build(b =>
        {
            b.RegisterInstance(logs).As<ILoggerFactory>();
            b.RegisterType<Reminders>().As<IReminders>();
        });
        var reminders = container.Resolve<IReminders>();

        Assert.Equal(17, reminders.Schedule(new DateTimeOffset(2024, 5, 17, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(1, reminders.Remind(urgent: true));

        var warning = Assert.Single(logs.Messages, m => m.Contains("'when'", StringComparison.Ordinal) && !m.Contains("Cannot time", StringComparison.Ordinal));
        Assert.Contains("Reminders.Schedule", warning, StringComparison.Ordinal);
        Assert.Contains("System.DateTimeOffset", warning, StringComparison.Ordinal);
        Assert.Contains(logs.Messages, m => m.Contains("Cannot time", StringComparison.Ordinal) && m.Contains("'when'", StringComparison.Ordinal));
        var memory = container.Memory();
        Assert.DoesNotContain(memory.GetSamples(MetricNames.FunctionCalls), s => s.Labels["function"] == "Reminders.Schedule");
        Assert.Equal(1, memory.GetCounter(MetricNames.FunctionCalls, ("function", "Reminders.Remind"), ("status", "success"), ("urgent", "true")));
        Assert.Equal(0, memory.GetGauge(MetricNames.FunctionCallsInProgress, ("function", "Reminders.Remind"), ("urgent", "true")));
    }
}
