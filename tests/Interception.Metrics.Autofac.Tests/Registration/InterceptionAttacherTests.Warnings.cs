using Autofac;
using Interception.Metrics.Autofac.Tests.Fixtures;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Autofac.Tests.Registration;

/// <summary>Timed components that cannot be (fully) timed are reported through the application's logger.</summary>
public partial class InterceptionAttacherTests
{
    [Fact]
    public void Build_TimedClassRegisteredAsSelf_LogsWarningNamingIt()
    {
        var logs = new RecordingLoggerFactory();
        using var container = MetricsContainer.Build(b =>
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
        using var container = MetricsContainer.Build(b =>
        {
            b.RegisterInstance(logs).As<ILoggerFactory>();
            b.Register(_ => new SelfRegistered()).AsSelf();
        });

        Assert.Equal(3, container.Resolve<SelfRegistered>().Run());

        var warning = Assert.Single(logs.Messages);
        Assert.Contains(typeof(SelfRegistered).FullName!, warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MalformedLabel_LogsWarningNamingLabel()
    {
        var logs = new RecordingLoggerFactory();
        using var container = MetricsContainer.Build(b =>
        {
            b.RegisterInstance(logs).As<ILoggerFactory>();
            b.RegisterType<MalformedLabels>().As<IMalformedLabels>();
        });

        Assert.Contains(logs.Messages, m => m.Contains("'nokey'", StringComparison.Ordinal));
    }
}
