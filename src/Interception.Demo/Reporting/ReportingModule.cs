using Autofac;
using Interception.Metrics;

namespace Interception.Demo.Reporting;

/// <summary>The console's backend, which joins the metrics fan-out like any backend the application registers, and the banner.</summary>
internal sealed class ReportingModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<LiveStatsBackend>().AsSelf().As<IMetricsBackend>().SingleInstance();
        builder.RegisterType<ConsoleHeader>().SingleInstance();
    }
}
