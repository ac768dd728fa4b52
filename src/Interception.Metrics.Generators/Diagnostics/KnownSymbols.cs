using Microsoft.CodeAnalysis;

namespace Interception.Metrics.Generators.Diagnostics;

/// <summary>The library's attribute types in one compilation, found by metadata name.</summary>
internal sealed class KnownSymbols
{
    public const string MetricsTimerName = "Interception.Metrics.MetricsTimerAttribute";
    public const string MetricLabelName = "Interception.Metrics.MetricLabelAttribute";

    private KnownSymbols(INamedTypeSymbol? metricsTimer, INamedTypeSymbol? metricLabel, Compilation compilation)
    {
        MetricsTimer = metricsTimer;
        MetricLabel = metricLabel;
        Disposable = compilation.GetSpecialType(SpecialType.System_IDisposable);
        AsyncDisposable = compilation.GetTypeByMetadataName("System.IAsyncDisposable");
        Int128 = compilation.GetTypeByMetadataName("System.Int128");
        UInt128 = compilation.GetTypeByMetadataName("System.UInt128");
    }

    /// <summary><c>MetricsTimerAttribute</c>, or <see langword="null"/> when the compilation does not see it.</summary>
    public INamedTypeSymbol? MetricsTimer { get; }

    /// <summary><c>MetricLabelAttribute</c>, or <see langword="null"/> when the compilation does not see it.</summary>
    public INamedTypeSymbol? MetricLabel { get; }

    public INamedTypeSymbol Disposable { get; }

    public INamedTypeSymbol? AsyncDisposable { get; }

    public INamedTypeSymbol? Int128 { get; }

    public INamedTypeSymbol? UInt128 { get; }

    /// <summary>The symbols of <paramref name="compilation"/>, or <see langword="null"/> when it uses neither attribute.</summary>
    public static KnownSymbols? Find(Compilation compilation)
    {
        var timer = compilation.GetTypeByMetadataName(MetricsTimerName);
        var label = compilation.GetTypeByMetadataName(MetricLabelName);
        return timer is null && label is null ? null : new KnownSymbols(timer, label, compilation);
    }

    public bool IsTimer(AttributeData attribute) =>
        MetricsTimer is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, MetricsTimer);

    public bool IsLabel(AttributeData attribute) =>
        MetricLabel is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, MetricLabel);

    /// <summary>The [MetricsTimer] written on <paramref name="symbol"/> itself (not inherited).</summary>
    public AttributeData? TimerOn(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (IsTimer(attribute))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether an interface counts as a way to reach a component: IDisposable and IAsyncDisposable do not (a component is
    /// not registered as them, and a type-level [MetricsTimer] never times disposal).
    /// </summary>
    public bool CanCarryTiming(INamedTypeSymbol @interface) =>
        !SymbolEqualityComparer.Default.Equals(@interface, Disposable)
        && !SymbolEqualityComparer.Default.Equals(@interface, AsyncDisposable);
}
