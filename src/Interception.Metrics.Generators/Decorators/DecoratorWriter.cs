using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Interception.Metrics.Generators.Decorators;

/// <summary>
/// Writes the decorator of one class: every member of every interface of the class is implemented explicitly and
/// forwarded through that interface; a method the attributes may time (its own, its implementation's, its class's or
/// its interface's [MetricsTimer]) first asks its plan, which the runtime built by the interceptor's rules, and is
/// forwarded untimed when the plan says it is not timed.
/// </summary>
internal static partial class DecoratorWriter
{
    private const string Timing = "global::Interception.Metrics.Timing";
    private const string Decorators = "global::Interception.Metrics.Timing.Decorators";
    private const string GeneratedNamespace = "Interception.Metrics.Generated";

    public static DecoratorSource? Write(GeneratorSyntaxContext syntax, CancellationToken cancellationToken)
    {
        if (syntax.SemanticModel.GetDeclaredSymbol(syntax.Node, cancellationToken) is not INamedTypeSymbol type
            || type.DeclaringSyntaxReferences.Length == 0
            || type.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) != syntax.Node
            || type.AllInterfaces.IsEmpty)
        {
            return null;
        }

        var compilation = syntax.SemanticModel.Compilation;
        var symbols = DecoratorSymbols.Find(compilation);
        if (symbols is null || !DecoratorCoverage.CanDecorate(type))
        {
            return null;
        }

        var plan = Plan(type, symbols, cancellationToken);
        return plan is null ? null : Emit(type, plan);
    }

    private static DecoratorPlan? Plan(INamedTypeSymbol type, DecoratorSymbols symbols, CancellationToken cancellationToken)
    {
        var typeTimed = symbols.TimedType(type);
        var plan = new DecoratorPlan();
        foreach (var @interface in DecoratorCoverage.Implementable(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            plan.Interfaces.Add(@interface);
            var interfaceTimed = symbols.HasTimer(@interface);
            foreach (var member in @interface.GetMembers())
            {
                if (member.IsStatic || (!member.IsAbstract && !member.IsVirtual))
                {
                    continue;
                }

                switch (member)
                {
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary } method:
                        if (!DecoratorCoverage.CanForward(method))
                        {
                            return null;
                        }

                        var implementation = type.FindImplementationForInterfaceMember(method) as IMethodSymbol;
                        var timed = (typeTimed || interfaceTimed || symbols.HasTimer(method) || symbols.TimedMethod(implementation))
                            && DecoratorCoverage.CanTime(method);
                        var family = method.ReturnsVoid ? ReturnFamily.Void : symbols.FamilyOf(method.ReturnType);
                        plan.Methods.Add(new PlannedMethod(@interface, method, timed, timed && symbols.HasArgumentLabels(method, implementation), family));
                        break;
                    case IPropertySymbol property:
                        var implemented = type.FindImplementationForInterfaceMember(property) as IPropertySymbol;
                        if (!DecoratorCoverage.CanForward(property)
                            || symbols.TimedAccessor(property.GetMethod) || symbols.TimedAccessor(property.SetMethod)
                            || symbols.TimedAccessor(implemented?.GetMethod) || symbols.TimedAccessor(implemented?.SetMethod))
                        {
                            return null;
                        }

                        plan.Properties.Add((@interface, property));
                        break;
                    case IEventSymbol @event:
                        if (!DecoratorCoverage.CanCarry(@event.Type))
                        {
                            return null;
                        }

                        plan.Events.Add((@interface, @event));
                        break;
                    case IMethodSymbol:
                        // Accessors, handled with their property or event.
                        break;
                    default:
                        return null;
                }
            }
        }

        return plan.Methods.Any(m => m.Timed) ? plan : null;
    }

    private sealed class DecoratorPlan
    {
        public List<INamedTypeSymbol> Interfaces { get; } = [];

        public List<PlannedMethod> Methods { get; } = [];

        public List<(INamedTypeSymbol Interface, IPropertySymbol Property)> Properties { get; } = [];

        public List<(INamedTypeSymbol Interface, IEventSymbol Event)> Events { get; } = [];
    }

    private sealed class PlannedMethod(INamedTypeSymbol @interface, IMethodSymbol method, bool timed, bool passesArguments, ReturnFamily family)
    {
        public ReturnFamily Family { get; } = family;

        public INamedTypeSymbol Interface { get; } = @interface;

        public IMethodSymbol Method { get; } = method;

        public bool Timed { get; } = timed;

        public bool PassesArguments { get; } = passesArguments;
    }
}
