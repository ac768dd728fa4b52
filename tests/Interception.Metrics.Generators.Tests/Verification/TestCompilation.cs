using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Interception.Metrics.Generators.Tests.Verification;

/// <summary>
/// What a test compilation references: the net10.0 reference assemblies of the targeting pack this SDK built the tests
/// with (so nothing is downloaded) and the real Interception.Metrics assembly, whose attributes the analyzers look for.
/// </summary>
internal static class TestCompilation
{
    /// <summary>No reference package: the framework's assemblies come from <see cref="References"/>.</summary>
    public static ReferenceAssemblies ReferenceAssemblies { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> References { get; } = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        var directory = typeof(TestCompilation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NetCoreAppReferenceAssemblies").Value!;
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The net10.0 reference assemblies are not at {directory}: build the tests with the SDK that runs them.");
        }

        return
        [
            .. Directory.GetFiles(directory, "*.dll").Order(StringComparer.Ordinal).Select(p => MetadataReference.CreateFromFile(p)),
            MetadataReference.CreateFromFile(typeof(MetricsTimerAttribute).Assembly.Location),
        ];
    }
}
