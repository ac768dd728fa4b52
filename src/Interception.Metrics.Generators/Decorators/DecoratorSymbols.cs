using System.Linq;
using Microsoft.CodeAnalysis;

namespace Interception.Metrics.Generators.Decorators;

/// <summary>The types a decorator is written against, found in one compilation; <see langword="null"/> when it lacks them.</summary>
internal sealed class DecoratorSymbols
{
    private readonly INamedTypeSymbol _timer;
    private readonly INamedTypeSymbol? _label;
    private readonly INamedTypeSymbol? _task;
    private readonly INamedTypeSymbol? _taskOfT;
    private readonly INamedTypeSymbol? _valueTask;
    private readonly INamedTypeSymbol? _valueTaskOfT;
    private readonly INamedTypeSymbol? _stream;

    private DecoratorSymbols(INamedTypeSymbol timer, Compilation compilation)
    {
        _timer = timer;
        _label = compilation.GetTypeByMetadataName("Interception.Metrics.MetricLabelAttribute");
        _task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        _taskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        _valueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        _valueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        _stream = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
    }

    /// <summary>The symbols, when the compilation sees the library's decorator infrastructure.</summary>
    public static DecoratorSymbols? Find(Compilation compilation)
    {
        var timer = compilation.GetTypeByMetadataName("Interception.Metrics.MetricsTimerAttribute");
        var factory = compilation.GetTypeByMetadataName("Interception.Metrics.Timing.Decorators.TimingDecoratorFactory");
        return timer is null || factory is null || factory.DeclaredAccessibility != Accessibility.Public
            ? null
            : new DecoratorSymbols(timer, compilation);
    }

    public bool HasTimer(ISymbol symbol) =>
        symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _timer));

    /// <summary>Whether the class or a base class carries [MetricsTimer] (it is inherited).</summary>
    public bool TimedType(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (HasTimer(current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an implementation method, or a method it overrides, carries [MetricsTimer].</summary>
    public bool TimedMethod(IMethodSymbol? method)
    {
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (HasTimer(current))
            {
                return true;
            }
        }

        return false;
    }

    public bool TimedAccessor(IMethodSymbol? accessor) => TimedMethod(accessor);

    /// <summary>Whether a parameter of the interface method or of its implementation carries [MetricLabel].</summary>
    public bool HasArgumentLabels(IMethodSymbol method, IMethodSymbol? implementation)
    {
        if (_label is null)
        {
            return false;
        }

        for (var current = implementation; current is not null; current = current.OverriddenMethod)
        {
            if (HasLabel(current))
            {
                return true;
            }
        }

        return HasLabel(method);
    }

    public ReturnFamily FamilyOf(ITypeSymbol returnType)
    {
        if (returnType is ITypeParameterSymbol)
        {
            // Could be a task or a stream at run time, which the interceptor follows: decided per call.
            return ReturnFamily.Generic;
        }

        var definition = returnType.OriginalDefinition;
        if (Is(definition, _task))
        {
            return ReturnFamily.Task;
        }

        if (Is(definition, _taskOfT))
        {
            return ReturnFamily.TaskOfT;
        }

        if (Is(definition, _valueTask))
        {
            return ReturnFamily.ValueTask;
        }

        if (Is(definition, _valueTaskOfT))
        {
            return ReturnFamily.ValueTaskOfT;
        }

        if (Is(definition, _stream))
        {
            return ReturnFamily.Stream;
        }

        // A subclass of Task is followed through a continuation on the very task.
        for (var current = returnType.BaseType; current is not null; current = current.BaseType)
        {
            if (Is(current.OriginalDefinition, _task))
            {
                return ReturnFamily.ObservedTask;
            }
        }

        return ReturnFamily.Value;
    }

    private bool HasLabel(IMethodSymbol method) =>
        method.Parameters.Any(p => p.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _label)));

    private static bool Is(ITypeSymbol type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type, known);
}
