using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Interception.Metrics.Generators.Tests.Verification;

/// <summary>Applies <typeparamref name="TCodeFix"/> to the diagnostics of <typeparamref name="TAnalyzer"/> and compares the result.</summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>Checks that <paramref name="source"/> has the marked diagnostics and that fixing them gives <paramref name="fixedSource"/>.</summary>
    public static Task VerifyAsync(string source, string fixedSource)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        return test.RunAsync();
    }

    /// <summary>The test, set up with <see cref="TestCompilation"/>.</summary>
    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            TestState.ReferenceAssemblies = TestCompilation.ReferenceAssemblies;
            TestState.AdditionalReferences.AddRange(TestCompilation.References);
            // A diagnostic the fix leaves (or the next one it reveals) is marked in the fixed code too.
            FixedState.MarkupHandling = MarkupMode.Allow;
            FixedState.ReferenceAssemblies = TestCompilation.ReferenceAssemblies;
            FixedState.AdditionalReferences.AddRange(TestCompilation.References);
        }
    }
}
