namespace Interception.Metrics.Generators.Diagnostics;

/// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that tell a code fix what to do.</summary>
internal static class DiagnosticProperties
{
    /// <summary>The text that should replace the string literal the diagnostic is reported on.</summary>
    public const string Replacement = "Replacement";

    /// <summary>Present when making the method public is a valid fix.</summary>
    public const string CanMakePublic = "CanMakePublic";

    /// <summary>Present when an assembly-level InternalsVisibleTo("DynamicProxyGenAssembly2") in this compilation is a valid fix.</summary>
    public const string CanAddInternalsVisibleTo = "CanAddInternalsVisibleTo";
}
