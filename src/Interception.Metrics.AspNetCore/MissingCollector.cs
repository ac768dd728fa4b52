namespace Interception.Metrics.AspNetCore;

/// <summary>The error of a call that needs <see cref="MetricsCollectorService"/> from a container that lacks it.</summary>
internal static class MissingCollector
{
    public static string Message(string caller) =>
        $"{caller} needs MetricsCollectorService in the application's services. Use Autofac and register the module: " +
        "builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory()); " +
        "builder.Host.ConfigureContainer<ContainerBuilder>(c => c.RegisterModule(new MetricsModule(builder.Configuration)));";
}
