using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Interception.Metrics.Generators.Diagnostics;

/// <summary>
/// Checks each [MetricLabel] parameter by the runtime's rules: a type it can record, not <c>out</c> and no more than
/// eight on one method (INTM010), a valid label name (INTM011), and a name that neither the kind's metrics nor the
/// method's other labels use (INTM007).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ArgumentLabelAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.ArgumentLabels;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Find(start.Compilation) is not { MetricLabel: not null } symbols)
            {
                return;
            }

            start.RegisterSymbolAction(c => AnalyzeType(c, symbols), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (method.Parameters.Any(p => p.GetAttributes().Any(symbols.IsLabel)))
            {
                AnalyzeMethod(context, symbols, type, method);
            }
        }
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownSymbols symbols, INamedTypeSymbol type, IMethodSymbol method)
    {
        var timer = TimerOf(symbols, type, method);
        var kind = timer is null ? null : TimerArguments.Kind(timer);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        if (timer is not null && TimerArguments.Named(timer, "Labels") is { Kind: TypedConstantKind.Array, IsNull: false } labels)
        {
            foreach (var entry in labels.Values)
            {
                if (LabelRules.ParseEntry(entry.Value as string).Key is { } key)
                {
                    taken.Add(key);
                }
            }
        }

        var labelCount = method.Parameters.Count(p => p.GetAttributes().Any(symbols.IsLabel));
        var ordinal = 0;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.GetAttributes().FirstOrDefault(symbols.IsLabel) is not { } label)
            {
                continue;
            }

            ordinal++;

            var syntax = label.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
            var location = syntax?.GetLocation() ?? parameter.Locations[0];
            var nameLocation = syntax?.ArgumentList?.Arguments.FirstOrDefault()?.Expression.GetLocation() ?? location;
            var methodName = method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
            if (parameter.RefKind == RefKind.Out)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ArgumentLabelUnsupported, location, parameter.Name, methodName, "an out parameter has no value when the call starts"));
            }
            else if (ArgumentLabelTypes.IsMethodTypeParameter(parameter.Type))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ArgumentLabelUnsupported,
                    location,
                    parameter.Name,
                    methodName,
                    $"its type {parameter.Type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)} is a type parameter of the method: its timing is bound once for the generic method, where that is no type a label can record (a type parameter of the class constrained to Enum is)"));
            }
            else if (!ArgumentLabelTypes.IsSupported(parameter.Type, symbols))
            {
                var typeName = parameter.Type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ArgumentLabelUnsupported,
                    location,
                    parameter.Name,
                    methodName,
                    $"its type {typeName} is not a string, an enum, a bool or an integer type (or a nullable one), and other values are never turned into text"));
            }

            if (ordinal > LabelRules.MaxArgumentLabels)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ArgumentLabelUnsupported,
                    location,
                    parameter.Name,
                    methodName,
                    $"the method has {labelCount} [MetricLabel] parameters, and a method records at most {LabelRules.MaxArgumentLabels}"));
            }

            var name = label.ConstructorArguments.Length == 1 ? label.ConstructorArguments[0].Value as string : null;
            if (name is null || !LabelRules.IsValidLabelName(name))
            {
                var properties = name is not null && LabelRules.Suggest(name) is { } suggestion && syntax?.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax
                    ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Replacement, suggestion)
                    : null;
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ArgumentLabelInvalidName,
                    nameLocation,
                    properties,
                    name is null ? "null" : Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(name, quote: true),
                    parameter.Name));
                continue;
            }

            if (kind is not null && LabelRules.Reserved(kind).Contains(name))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.LabelNameTaken, nameLocation, name, kind, $"it is one of their own labels ({string.Join(", ", LabelRules.Reserved(kind))})"));
            }
            else if (!taken.Add(name))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.LabelNameTaken, nameLocation, name, kind ?? "operation's", "the method has a label of that name already"));
            }
        }
    }

    /// <summary>
    /// The [MetricsTimer] that decides the method's kind and constant labels, as far as its own declaration tells:
    /// the method's, its type's, or those of the interface members it implements.
    /// </summary>
    private static AttributeData? TimerOf(KnownSymbols symbols, INamedTypeSymbol type, IMethodSymbol method)
    {
        if ((symbols.TimerOn(method) ?? symbols.TimerOn(type)) is { } own)
        {
            return own;
        }

        if (type.TypeKind != TypeKind.Class)
        {
            return null;
        }

        foreach (var @interface in InterfaceReach.InterfacesReaching(type, method))
        {
            foreach (var member in @interface.GetMembers().OfType<IMethodSymbol>())
            {
                if (type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation
                    && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, method.OriginalDefinition)
                    && (symbols.TimerOn(member) ?? symbols.TimerOn(@interface)) is { } inherited)
                {
                    return inherited;
                }
            }
        }

        return null;
    }
}
