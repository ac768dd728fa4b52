using Autofac;
using Interception.Metrics;

namespace Interception.Demo.Jobs;

/// <summary>The recurring jobs (each timed as <c>BackgroundTask</c>) and the count of runs in progress.</summary>
internal sealed class JobsModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<JobActivity>().AsSelf().As<IBackgroundWorkerMetricsProvider>().SingleInstance();
        builder.RegisterType<PostPublisher>().As<IRecurringJob>().SingleInstance();
        builder.RegisterType<PostViewRefresher>().As<IRecurringJob>().SingleInstance();
        builder.RegisterType<BusinessMetricsRefresher>().As<IRecurringJob>().SingleInstance();
        builder.RegisterType<SystemMetricsCollector>().As<IRecurringJob>().SingleInstance();
        builder.RegisterType<HealthCheckForwarder>().As<IRecurringJob>().SingleInstance();
    }
}
