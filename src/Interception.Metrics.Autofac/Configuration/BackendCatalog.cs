using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Interception.Metrics.Configuration;

/// <summary>
/// The backends configuration can switch on, by name, and the assembly that holds each one's factory. A backend
/// assembly is loaded only when its backend is switched on or has settings, so an application references only the
/// backends it uses.
/// </summary>
internal static class BackendCatalog
{
    private static readonly (string Name, string Assembly, bool EnabledByDefault)[] Known =
    [
        ("Prometheus", "Interception.Metrics.Prometheus", true),
        ("StatsD", "Interception.Metrics.StatsD", false),
        ("Meter", "Interception.Metrics.Diagnostics", false),
        ("InMemory", typeof(InMemoryMetricsBackend).Assembly.GetName().Name!, false),
    ];

    public static IReadOnlyList<EnabledBackend> ReadEnabled(IConfigurationSection backends)
    {
        ConfigurationValues.EnsureKnownKeys(backends, Known.Select(k => k.Name).ToArray());
        var enabled = new List<EnabledBackend>();
        foreach (var (name, assemblyName, enabledByDefault) in Known)
        {
            var section = backends.GetSection(name);

            // Checked before anything else, and whether or not its package is referenced: "StatsD=true" must not
            // read as a backend without settings, left off.
            ConfigurationValues.RequireSection(section);
            var explicitlySet = section.GetSection("Enabled").Value is not null;
            if (!ConfigurationValues.GetValue(section, "Enabled", enabledByDefault))
            {
                // Switched off, its settings are still checked (when its package is referenced): a misspelt
                // "Enabled" or a bad value must not silently leave the backend off.
                if (section.GetChildren().Any())
                {
                    FindFactory(name, assemblyName)?.Validate(section);
                }

                continue;
            }

            var factory = FindFactory(name, assemblyName);
            if (factory is null)
            {
                if (!explicitlySet && !section.GetChildren().Any())
                {
                    // On by default, but its package is not referenced: nothing asked for it explicitly.
                    continue;
                }

                throw new MetricsConfigurationException(
                    section.GetSection("Enabled").Path,
                    $"the {name} backend is switched on but its package is not referenced: add a reference to {assemblyName}.");
            }

            enabled.Add(new EnabledBackend(factory, section));
        }

        return enabled;
    }

    private static MetricsBackendFactory? FindFactory(string name, string assemblyName)
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(assemblyName));
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        return assembly.GetCustomAttributes<MetricsBackendFactoryAttribute>()
            .Select(a => (MetricsBackendFactory)Activator.CreateInstance(a.FactoryType)!)
            .FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}
