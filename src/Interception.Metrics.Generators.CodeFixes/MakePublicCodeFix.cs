using System.Collections.Immutable;
using System.Composition;
using Interception.Metrics.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Interception.Metrics.Generators.CodeFixes;

/// <summary>INTM002: makes a private, protected or internal timed method public, so that it can implement an interface member.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePublicCodeFix))]
[Shared]
public sealed class MakePublicCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TimedMethodNotReachable);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.CanMakePublic)
                || root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Make '{method.Identifier.ValueText}' public",
                    async token =>
                    {
                        var editor = await DocumentEditor.CreateAsync(context.Document, token).ConfigureAwait(false);
                        editor.SetAccessibility(method, Accessibility.Public);
                        return editor.GetChangedDocument();
                    },
                    nameof(MakePublicCodeFix)),
                diagnostic);
        }
    }
}
