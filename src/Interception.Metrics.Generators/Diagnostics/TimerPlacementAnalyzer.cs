using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Interception.Metrics.Generators.Diagnostics;

/// <summary>
/// Reports a [MetricsTimer] that a timing proxy can never reach: on a method no interface declares (INTM001), on a
/// static, non-public or local method (INTM002), on a class with no interface (INTM004) or whose interfaces the proxy
/// assembly cannot see (INTM005); and an accessor timed under its compiler name (INTM003). An unsealed class counts as
/// reached through the interfaces of the classes of the same compilation that derive from it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TimerPlacementAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.Placement;

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

            var derivedClasses = new DerivedClasses(start.Compilation.Assembly);
            start.RegisterSymbolAction(c => AnalyzeType(c, symbols, derivedClasses), SymbolKind.NamedType);
            start.RegisterSyntaxNodeAction(
                c => AnalyzeLocalMethod(c, symbols),
                SyntaxKind.LocalFunctionStatement,
                SyntaxKind.ParenthesizedLambdaExpression,
                SyntaxKind.SimpleLambdaExpression);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, KnownSymbols symbols, DerivedClasses derivedClasses)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind == TypeKind.Interface)
        {
            AnalyzeInterface(context, symbols, type);
        }
        else if (type.TypeKind == TypeKind.Class)
        {
            AnalyzeClass(context, symbols, derivedClasses, type);
        }
    }

    private static void AnalyzeInterface(SymbolAnalysisContext context, KnownSymbols symbols, INamedTypeSymbol type)
    {
        var carriesTimer = symbols.TimerOn(type) is not null;
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (symbols.TimerOn(method) is not { } timer)
            {
                continue;
            }

            carriesTimer = true;
            if (WhyUnreachable(method) is { } reason)
            {
                Report(context, Descriptors.TimedMethodNotReachable, timer, method, null, $"'{Display(method)}'", reason);
            }
            else
            {
                ReportAccessor(context, timer, method, type);
            }
        }

        if (carriesTimer && !ProxyAccess.IsAccessible(type))
        {
            ReportNotAccessible(context, type, [type]);
        }
    }

    private static void AnalyzeClass(SymbolAnalysisContext context, KnownSymbols symbols, DerivedClasses derivedClasses, INamedTypeSymbol type)
    {
        var classTimer = symbols.TimerOn(type);
        var timedMethods = type.GetMembers().OfType<IMethodSymbol>()
            .Select(m => (Method: m, Timer: symbols.TimerOn(m)))
            .Where(m => m.Timer is not null)
            .ToArray();
        if (classTimer is null && timedMethods.Length == 0)
        {
            return;
        }

        // An abstract class is registered through a derived class, which may be of another assembly and add the interfaces.
        var concrete = type.IsStatic || !type.IsAbstract;
        var interfaces = type.AllInterfaces.Where(symbols.CanCarryTiming).ToArray();
        var reaching = (INamedTypeSymbol[])[type];
        if (concrete && !type.IsSealed && !type.IsStatic
            && (!interfaces.Any(ProxyAccess.IsAccessible) || timedMethods.Any(m => WhyUnreachable(m.Method) is null && !InterfaceReach.InterfacesReaching(type, m.Method).Any())))
        {
            // An unsealed class may be registered as a class of this compilation derived from it, whose interfaces can
            // reach the class's methods: interface mapping finds an inherited method, and the attribute is inherited.
            var derived = derivedClasses.Of(type, context.CancellationToken);
            if (derived.Count > 0)
            {
                reaching = [type, .. derived];
                interfaces = reaching.SelectMany(t => t.AllInterfaces).Where(symbols.CanCarryTiming).Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default).ToArray();
            }
        }

        var noInterface = concrete && interfaces.Length == 0;
        if (noInterface)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.TimedClassWithoutInterface, type.Locations[0], Display(type)));
        }
        else if (concrete && !interfaces.Any(ProxyAccess.IsAccessible))
        {
            ReportNotAccessible(context, type, interfaces);
        }

        foreach (var (method, timer) in timedMethods)
        {
            if (WhyUnreachable(method) is { } reason)
            {
                var canMakePublic = !method.IsStatic && !method.IsOverride && method.MethodKind == MethodKind.Ordinary;
                Report(
                    context,
                    Descriptors.TimedMethodNotReachable,
                    timer!,
                    method,
                    canMakePublic ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.CanMakePublic, "true") : null,
                    $"'{Display(method)}'",
                    reason);
            }
            else if (reaching.FirstOrDefault(t => InterfaceReach.InterfacesReaching(t, method).Any()) is { } reached)
            {
                ReportAccessor(context, timer!, method, reached);
            }
            else if (concrete && !noInterface)
            {
                // A class with no interface at all is reported once, on the class (INTM004).
                var which = reaching.Length > 1 ? $"'{Display(type)}' or of a class derived from it" : $"'{Display(type)}'";
                Report(context, Descriptors.TimedMethodNotOnInterface, timer!, method, null, Display(method), which);
            }
        }
    }

    private static void AnalyzeLocalMethod(SyntaxNodeAnalysisContext context, KnownSymbols symbols)
    {
        var attributeLists = context.Node switch
        {
            LocalFunctionStatementSyntax local => local.AttributeLists,
            LambdaExpressionSyntax lambda => lambda.AttributeLists,
            _ => default,
        };
        foreach (var attribute in attributeLists.SelectMany(l => l.Attributes))
        {
            if (context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is IMethodSymbol constructor
                && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, symbols.MetricsTimer))
            {
                var (what, reason) = context.Node is LocalFunctionStatementSyntax local
                    ? ($"'{local.Identifier.ValueText}'", "a local function")
                    : ("this lambda", "a lambda");
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.TimedMethodNotReachable, attribute.GetLocation(), what, reason));
            }
        }
    }

    private static string? WhyUnreachable(IMethodSymbol method)
    {
        if (method.MethodKind == MethodKind.ExplicitInterfaceImplementation)
        {
            return null;
        }

        if (method.IsStatic)
        {
            return "static";
        }

        return method.DeclaredAccessibility switch
        {
            Accessibility.Public => null,
            Accessibility.Private => "private",
            Accessibility.Protected => "protected",
            Accessibility.Internal => "internal",
            Accessibility.ProtectedOrInternal => "protected internal",
            Accessibility.ProtectedAndInternal => "private protected",
            _ => "not public",
        };
    }

    private static void ReportAccessor(SymbolAnalysisContext context, AttributeData timer, IMethodSymbol method, INamedTypeSymbol type)
    {
        if (method.AssociatedSymbol is not { } member
            || method.MethodKind is not (MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove)
            || TimerArguments.Named(timer, "Name") is { Value: string })
        {
            return;
        }

        var accessor = method.MethodKind switch
        {
            MethodKind.PropertyGet => "get",
            MethodKind.PropertySet => method.IsInitOnly ? "init" : "set",
            MethodKind.EventAdd => "add",
            _ => "remove",
        };
        var kind = TimerArguments.Kind(timer);
        var recorded = kind == "Function" && type.TypeKind != TypeKind.Interface ? $"{type.Name}.{method.Name}" : method.Name;
        var location = timer.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? method.Locations[0];
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.TimedAccessor, location, accessor, member.Name, recorded));
    }

    private static void ReportNotAccessible(SymbolAnalysisContext context, INamedTypeSymbol type, IReadOnlyList<INamedTypeSymbol> interfaces)
    {
        var compilationAssembly = context.Compilation.Assembly;
        var fixable = !compilationAssembly.Identity.IsStrongName
            && interfaces.All(i => ProxyAccess.IsInternalOnly(i) && AllFromAssembly(i, compilationAssembly));
        var which = interfaces.Count == 1 && SymbolEqualityComparer.Default.Equals(interfaces[0], type)
            ? "it"
            : string.Join(", ", interfaces.Select(i => $"'{Display(i)}'"));
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.TimedInterfaceNotAccessible,
            type.Locations[0],
            fixable ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.CanAddInternalsVisibleTo, "true") : null,
            Display(type),
            which));
    }

    private static bool AllFromAssembly(ITypeSymbol type, IAssemblySymbol assembly) => type switch
    {
        IArrayTypeSymbol array => AllFromAssembly(array.ElementType, assembly),
        INamedTypeSymbol named => (named.DeclaredAccessibility == Accessibility.Public
                || SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, assembly))
            && named.TypeArguments.All(a => AllFromAssembly(a, assembly)),
        _ => true,
    };

    private static void Report(
        SymbolAnalysisContext context,
        DiagnosticDescriptor descriptor,
        AttributeData timer,
        IMethodSymbol method,
        ImmutableDictionary<string, string?>? properties,
        params object[] arguments)
    {
        var location = timer.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? method.Locations[0];
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location, properties, arguments));
    }

    private static string Display(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
}
