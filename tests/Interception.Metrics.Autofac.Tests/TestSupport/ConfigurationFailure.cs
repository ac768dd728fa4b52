using Autofac;

namespace Interception.Metrics.Autofac.Tests.TestSupport;

/// <summary>Builds a container from invalid settings and returns the configuration error, however Autofac wraps it.</summary>
internal static class ConfigurationFailure
{
    public static MetricsConfigurationException Of(params (string Key, string? Value)[] settings) =>
        Of(MetricsContainer.Configuration(settings));

    public static MetricsConfigurationException Of(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var builder = new ContainerBuilder();
        builder.RegisterModule(new MetricsModule(configuration));

        var thrown = Record.Exception(() => builder.Build().Dispose());

        Assert.NotNull(thrown);
        for (var exception = thrown; exception is not null; exception = exception.InnerException)
        {
            if (exception is MetricsConfigurationException configurationError)
            {
                return configurationError;
            }
        }

        throw new Xunit.Sdk.XunitException($"Expected a {nameof(MetricsConfigurationException)} inside {thrown}");
    }
}
