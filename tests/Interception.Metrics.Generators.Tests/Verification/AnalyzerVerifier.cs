using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Interception.Metrics.Generators.Tests.Verification;

/// <summary>Runs <typeparamref name="TAnalyzer"/> over C# sources marked up with the diagnostics expected (<c>{|INTM001:...|}</c>).</summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Checks that exactly the marked diagnostics are reported on <paramref name="sources"/>.</summary>
    public static Task VerifyAsync(params string[] sources)
    {
        var test = new Test();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        return test.RunAsync();
    }

    /// <summary>The test, set up with <see cref="TestCompilation"/>.</summary>
    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            TestState.ReferenceAssemblies = TestCompilation.ReferenceAssemblies;
            TestState.AdditionalReferences.AddRange(TestCompilation.References);
        }
    }
}
