using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Interception.Metrics.Generators.Diagnostics;

/// <summary>
/// Checks what a [MetricsTimer] is given, by the runtime's rules: each <c>Labels</c> entry (INTM006), the label names
/// against the kind's own and each other (INTM007), <c>Name</c> as the label value it becomes (INTM008), and
/// <c>HttpMethod</c> outside <c>MetricKind.Http</c> (INTM009).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TimerArgumentsAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.Arguments;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Find(start.Compilation) is not { MetricsTimer: not null } symbols)
            {
                return;
            }

            start.RegisterSymbolAction(c => AnalyzeType(c, symbols), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (symbols.TimerOn(type) is { } typeTimer)
        {
            Analyze(context, typeTimer);
        }

        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (symbols.TimerOn(method) is { } timer)
            {
                Analyze(context, timer);
            }
        }
    }

    private static void Analyze(SymbolAnalysisContext context, AttributeData timer)
    {
        var syntax = timer.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
        var fallback = syntax?.GetLocation() ?? Location.None;
        var kind = TimerArguments.Kind(timer);

        AnalyzeLabels(context, timer, syntax, fallback, kind);

        if (TimerArguments.Named(timer, "Name") is { Value: string name } && NameRules.Problem(name) is { } problem)
        {
            var expression = TimerArguments.NamedSyntax(syntax, "Name");
            var properties = NameRules.Trimmed(name) is { } trimmed && NameRules.Problem(trimmed) is null && IsStringLiteral(expression)
                ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Replacement, trimmed)
                : null;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.NameRendersBadly,
                expression?.GetLocation() ?? fallback,
                properties,
                Quote(name),
                LabelRules.NameLabel(kind),
                kind,
                problem));
        }

        if (kind != "Http" && TimerArguments.Named(timer, "HttpMethod") is not null)
        {
            var argument = TimerArguments.NamedSyntax(syntax, "HttpMethod")?.Parent;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.HttpMethodWithoutEffect, argument?.GetLocation() ?? fallback, kind));
        }
    }

    private static void AnalyzeLabels(SymbolAnalysisContext context, AttributeData timer, AttributeSyntax? syntax, Location fallback, string kind)
    {
        if (TimerArguments.Named(timer, "Labels") is not { Kind: TypedConstantKind.Array, IsNull: false } labels)
        {
            return;
        }

        var expression = TimerArguments.NamedSyntax(syntax, "Labels");
        var elements = TimerArguments.Elements(expression, labels.Values.Length);
        var reserved = LabelRules.Reserved(kind);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Values.Length; i++)
        {
            var entry = labels.Values[i].Value as string;
            var element = elements.Count > 0 ? elements[i] : null;
            var location = element?.GetLocation() ?? expression?.GetLocation() ?? fallback;
            var (key, problem) = LabelRules.ParseEntry(entry);
            if (key is null)
            {
                var properties = SuggestEntry(entry) is { } suggestion && IsStringLiteral(element)
                    ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Replacement, suggestion)
                    : null;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.MalformedLabel, location, properties, Quote(entry), problem));
                continue;
            }

            if (reserved.Contains(key))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.LabelNameTaken, location, key, kind, $"it is one of their own labels ({string.Join(", ", reserved)})"));
            }
            else if (!seen.Add(key))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.LabelNameTaken, location, key, kind, "it is given twice"));
            }
        }
    }

    /// <summary>The entry the author most likely meant: <c>key:value</c> as <c>key=value</c>, or an invalid key made valid.</summary>
    private static string? SuggestEntry(string? entry)
    {
        if (entry is null)
        {
            return null;
        }

        var separator = entry.IndexOf('=');
        if (separator < 0)
        {
            var colon = entry.IndexOf(':');
            if (colon <= 0)
            {
                return null;
            }

            var key = entry.Substring(0, colon).Trim();
            var candidate = key + "=" + entry.Substring(colon + 1).Trim();
            return LabelRules.ParseEntry(candidate).Key is not null ? candidate
                : LabelRules.Suggest(key) is { } validKey ? validKey + "=" + entry.Substring(colon + 1).Trim() : null;
        }

        return separator > 0 && LabelRules.Suggest(entry.Substring(0, separator)) is { } suggestedKey
            ? suggestedKey + entry.Substring(separator)
            : null;
    }

    private static bool IsStringLiteral(ExpressionSyntax? expression) =>
        expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression);

    private static string Quote(string? text) => text is null ? "null" : SymbolDisplay.FormatLiteral(text, quote: true);
}
