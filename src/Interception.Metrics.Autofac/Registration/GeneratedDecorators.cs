using System.Collections.Concurrent;
using System.Reflection;
using Interception.Metrics.Timing.Decorators;

namespace Interception.Metrics.Registration;

/// <summary>
/// The source-generated timing decorators of the assemblies a container's components come from: each assembly's
/// <see cref="GeneratedTimingDecoratorAttribute"/>s are read once, on first need.
/// </summary>
internal sealed class GeneratedDecorators(Action<string> warn)
{
    private readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<Type, TimingDecoratorFactory>> _byAssembly = new();

    /// <summary>The factory of <paramref name="implementationType"/>'s generated decorator, or <see langword="null"/> when it has none.</summary>
    public TimingDecoratorFactory? Find(Type implementationType) =>
        _byAssembly.GetOrAdd(implementationType.Assembly, Read).GetValueOrDefault(implementationType);

    private IReadOnlyDictionary<Type, TimingDecoratorFactory> Read(Assembly assembly)
    {
        var factories = new Dictionary<Type, TimingDecoratorFactory>();
        foreach (var attribute in assembly.GetCustomAttributes<GeneratedTimingDecoratorAttribute>())
        {
            try
            {
                var factory = (TimingDecoratorFactory)Activator.CreateInstance(attribute.FactoryType)!;
                factories[factory.ImplementationType] = factory;
            }
            catch (Exception exception)
            {
                warn($"The generated timing decorator {attribute.FactoryType.FullName} cannot be used ({exception.GetType().Name}: {exception.Message}); "
                    + "its component is timed through a Castle proxy.");
            }
        }

        return factories;
    }
}
