using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Interception.Metrics.Generators.Diagnostics;

/// <summary>
/// The compile-time checks. A warning means the attribute, or part of it, never takes effect (the runtime leaves the
/// call untimed and logs why) or records something other than what was written; nothing here stops code from working,
/// because the library never breaks a call it cannot time, so none is an error.
/// </summary>
internal static class Descriptors
{
    private const string Usage = "Usage";
    private const string Naming = "Naming";

    public static readonly DiagnosticDescriptor TimedMethodNotOnInterface = Create(
        DiagnosticIds.TimedMethodNotOnInterface,
        "[MetricsTimer] on a method that no interface declares",
        "[MetricsTimer] on '{0}' never takes effect: no interface of {1} declares it, and a timing proxy is reached only through interfaces",
        Usage,
        DiagnosticSeverity.Warning,
        "A component is timed by a proxy (or decorator) that implements its interfaces; a method that implements no interface member is never called through it.");

    public static readonly DiagnosticDescriptor TimedMethodNotReachable = Create(
        DiagnosticIds.TimedMethodNotReachable,
        "[MetricsTimer] on a method a proxy cannot reach",
        "[MetricsTimer] on {0} never takes effect: it is {1}",
        Usage,
        DiagnosticSeverity.Warning,
        "Only public instance methods reached through an interface are timed: a static, private, protected or internal method, a local function or a lambda is never called through a proxy.");

    public static readonly DiagnosticDescriptor TimedAccessor = Create(
        DiagnosticIds.TimedAccessor,
        "[MetricsTimer] on an accessor is recorded under the accessor's compiler name",
        "[MetricsTimer] on the {0} accessor of '{1}' records its calls as '{2}'; set Name to choose the label",
        Usage,
        DiagnosticSeverity.Info,
        "An accessor reached through an interface is timed, under the name the compiler gives it (get_X, set_X, add_X, remove_X). A type-level [MetricsTimer] never covers accessors.");

    public static readonly DiagnosticDescriptor TimedClassWithoutInterface = Create(
        DiagnosticIds.TimedClassWithoutInterface,
        "Timed class implements no interface",
        "'{0}' carries [MetricsTimer] but implements no interface: a timing proxy stands in for a component only through its interfaces, so none of its calls is timed",
        Usage,
        DiagnosticSeverity.Warning,
        "A component registered as its class is returned as it is. Give it an interface that declares the timed methods and register it as that interface.");

    public static readonly DiagnosticDescriptor TimedInterfaceNotAccessible = Create(
        DiagnosticIds.TimedInterfaceNotAccessible,
        "Timed interface is not accessible to the proxy assembly",
        "'{0}' carries [MetricsTimer] but {1} cannot be implemented by Castle's proxy assembly: make it public, or internal with [assembly: InternalsVisibleTo(\"DynamicProxyGenAssembly2\")]",
        Usage,
        DiagnosticSeverity.Warning,
        "Castle DynamicProxy builds its proxies in the assembly DynamicProxyGenAssembly2, which can implement only interfaces (and type arguments) it can see: public ones, or internal ones of an assembly that grants it InternalsVisibleTo. A private or protected nested interface is never visible.");

    public static readonly DiagnosticDescriptor MalformedLabel = Create(
        DiagnosticIds.MalformedLabel,
        "Malformed Labels entry",
        "Labels entry {0} of [MetricsTimer] is malformed: {1}; the method is left untimed",
        Naming,
        DiagnosticSeverity.Warning,
        "Each entry of Labels is \"key=value\" with a key matching [a-zA-Z_][a-zA-Z0-9_]* and not starting with '__' (white space around the key is ignored). A malformed entry makes the method's timing plan fail: its calls proceed untimed.");

    public static readonly DiagnosticDescriptor LabelNameTaken = Create(
        DiagnosticIds.LabelNameTaken,
        "Label name already used by the metric",
        "Label '{0}' cannot be added to the {1} metrics: {2}; the method is left untimed",
        Naming,
        DiagnosticSeverity.Warning,
        "A constant label (Labels) or argument label ([MetricLabel]) must not repeat a label the kind's metrics have already (such as function and status, or le of a histogram), nor be given twice.");

    public static readonly DiagnosticDescriptor NameRendersBadly = Create(
        DiagnosticIds.NameRendersBadly,
        "Name does not render as written",
        "Name {0} is the '{1}' label value of the {2} metrics, and {3}",
        Naming,
        DiagnosticSeverity.Warning,
        "Name is recorded as a label value: empty or blank values vanish or look empty in Prometheus, control characters and lone surrogates are escaped or replaced differently by each backend, and StatsD keeps only the first 200 characters.");

    public static readonly DiagnosticDescriptor HttpMethodWithoutEffect = Create(
        DiagnosticIds.HttpMethodWithoutEffect,
        "HttpMethod has no effect outside MetricKind.Http",
        "HttpMethod has no effect: this [MetricsTimer] is of kind {0}, and only MetricKind.Http records a method label from it",
        Usage,
        DiagnosticSeverity.Warning,
        "HttpMethod sets the method label of http_requests_total and http_request_duration_seconds; the other kinds' metrics have no such label.");

    public static readonly DiagnosticDescriptor ArgumentLabelUnsupported = Create(
        DiagnosticIds.ArgumentLabelUnsupported,
        "[MetricLabel] parameter cannot be recorded",
        "[MetricLabel] on parameter '{0}' of '{1}' is refused: {2}; the method is left untimed",
        Usage,
        DiagnosticSeverity.Warning,
        "A [MetricLabel] parameter must be a string, an enum, a bool or an integer type (or a nullable one), or a type parameter of its class constrained to Enum, passed by value, in or ref: other values are never turned into text, and an out parameter has no value when the call starts. A method has at most eight [MetricLabel] parameters.");

    public static readonly DiagnosticDescriptor ArgumentLabelInvalidName = Create(
        DiagnosticIds.ArgumentLabelInvalidName,
        "[MetricLabel] name is not a valid label name",
        "[MetricLabel({0})] on parameter '{1}' is not a valid label name: it must match [a-zA-Z_][a-zA-Z0-9_]* and must not start with '__'; the method is left untimed",
        Naming,
        DiagnosticSeverity.Warning,
        "The name of a [MetricLabel] follows the Prometheus label name rules; an invalid one makes the method's timing plan fail.");

    public static ImmutableArray<DiagnosticDescriptor> Placement { get; } = ImmutableArray.Create(
        TimedMethodNotOnInterface, TimedMethodNotReachable, TimedAccessor, TimedClassWithoutInterface, TimedInterfaceNotAccessible);

    public static ImmutableArray<DiagnosticDescriptor> Arguments { get; } = ImmutableArray.Create(
        MalformedLabel, LabelNameTaken, NameRendersBadly, HttpMethodWithoutEffect);

    public static ImmutableArray<DiagnosticDescriptor> ArgumentLabels { get; } = ImmutableArray.Create(
        ArgumentLabelUnsupported, ArgumentLabelInvalidName, LabelNameTaken);

    private static DiagnosticDescriptor Create(
        string id, string title, string message, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, HelpLinks.For(id));
}
