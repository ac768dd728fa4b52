namespace Interception.Metrics.Generators.Diagnostics;

/// <summary>The stable IDs of the compile-time checks; each has a section of the same name in the README.</summary>
internal static class DiagnosticIds
{
    public const string TimedMethodNotOnInterface = "INTM001";
    public const string TimedMethodNotReachable = "INTM002";
    public const string TimedAccessor = "INTM003";
    public const string TimedClassWithoutInterface = "INTM004";
    public const string TimedInterfaceNotAccessible = "INTM005";
    public const string MalformedLabel = "INTM006";
    public const string LabelNameTaken = "INTM007";
    public const string NameRendersBadly = "INTM008";
    public const string HttpMethodWithoutEffect = "INTM009";
    public const string ArgumentLabelUnsupported = "INTM010";
    public const string ArgumentLabelInvalidName = "INTM011";
}
