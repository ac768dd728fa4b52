using System.Collections.Immutable;
using System.Composition;
using Interception.Metrics.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Interception.Metrics.Generators.CodeFixes;

/// <summary>
/// INTM005: grants Castle's proxy assembly access to the internal types of this assembly with
/// <c>[assembly: InternalsVisibleTo("DynamicProxyGenAssembly2")]</c>, added to the file of the diagnostic. Offered only
/// when the interfaces are internal types of this (not strong-named) assembly.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddProxyInternalsVisibleToCodeFix))]
[Shared]
public sealed class AddProxyInternalsVisibleToCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TimedInterfaceNotAccessible);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax unit)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.CanAddInternalsVisibleTo))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add [assembly: InternalsVisibleTo(\"{ProxyAccess.ProxyAssemblyName}\")]",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(AddAttribute(unit))),
                    nameof(AddProxyInternalsVisibleToCodeFix)),
                diagnostic);
        }
    }

    private static CompilationUnitSyntax AddAttribute(CompilationUnitSyntax unit)
    {
        var attribute = SyntaxFactory.Attribute(
            SyntaxFactory.ParseName("System.Runtime.CompilerServices.InternalsVisibleTo"),
            SyntaxFactory.ParseAttributeArgumentList($"(\"{ProxyAccess.ProxyAssemblyName}\")"));
        // The file's own line ending, so the fix does not mix CRLF into an LF file.
        var endOfLine = unit.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var list = SyntaxFactory.AttributeList(
                SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(SyntaxKind.AssemblyKeyword)),
                SyntaxFactory.SingletonSeparatedList(attribute))
            .WithTrailingTrivia(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.ElasticCarriageReturnLineFeed);
        return unit.AddAttributeLists(list);
    }
}
