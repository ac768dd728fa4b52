using Microsoft.Extensions.Configuration;

namespace Interception.Metrics.Configuration;

/// <summary>A backend switched on by configuration, with its factory and section.</summary>
internal sealed record EnabledBackend(MetricsBackendFactory Factory, IConfigurationSection Section);
