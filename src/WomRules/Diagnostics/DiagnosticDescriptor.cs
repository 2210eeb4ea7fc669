namespace WomRules.Diagnostics;

/// <summary>One entry of the diagnostic catalogue: a stable id, a severity and a message template.</summary>
internal sealed record DiagnosticDescriptor(string Id, DiagnosticSeverity Severity, string Title, string MessageFormat)
{
    public string HelpLink => $"{RepositoryLinks.DocsBaseUri}docs/diagnostics.md#{Id.ToLowerInvariant()}";
}
