using System.Collections.Immutable;
using System.Composition;
using Interception.Metrics.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Interception.Metrics.Generators.CodeFixes;

/// <summary>INTM009: removes an <c>HttpMethod</c> argument that a kind other than Http ignores.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveHttpMethodCodeFix))]
[Shared]
public sealed class RemoveHttpMethodCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HttpMethodWithoutEffect);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeArgumentSyntax>() is not { Parent: AttributeArgumentListSyntax list } argument)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove HttpMethod",
                    _ =>
                    {
                        var arguments = list.Arguments.Remove(argument);
                        SyntaxNode newRoot = arguments.Count == 0 && list.Parent is AttributeSyntax attribute
                            ? root.ReplaceNode(attribute, attribute.WithArgumentList(null))
                            : root.ReplaceNode(list, list.WithArguments(arguments));
                        return Task.FromResult(context.Document.WithSyntaxRoot(newRoot));
                    },
                    nameof(RemoveHttpMethodCodeFix)),
                diagnostic);
        }
    }
}
