using Interception.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

[assembly: MetricsBackendFactory(typeof(InMemoryMetricsBackendFactory))]

namespace Interception.Metrics;

/// <summary>Creates the <see cref="InMemoryMetricsBackend"/> from <c>Metrics:Backends:InMemory</c> (key: <c>Enabled</c>).</summary>
public sealed class InMemoryMetricsBackendFactory : MetricsBackendFactory
{
    /// <inheritdoc />
    public override string Name => "InMemory";

    /// <inheritdoc />
    public override IMetricsBackend Create(IConfigurationSection section, MetricsBackendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Validate(section);
        return new InMemoryMetricsBackend(context.CardinalityLimit, context.LoggerFactory.CreateLogger<InMemoryMetricsBackend>());
    }

    /// <inheritdoc />
    public override void Validate(IConfigurationSection section) => EnsureKnownKeys(section, "Enabled");
}
