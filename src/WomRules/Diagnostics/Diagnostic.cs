using System.Globalization;
using WomRules.Text;

namespace WomRules.Diagnostics;

/// <summary>A positioned message about a campaign file, shaped like a compiler diagnostic.</summary>
public sealed class Diagnostic
{
    internal Diagnostic(DiagnosticDescriptor descriptor, string message, string? path, TextSpan span, int line, int column)
    {
        Id = descriptor.Id;
        Severity = descriptor.Severity;
        HelpLink = descriptor.HelpLink;
        Message = message;
        Path = path;
        Span = span;
        Line = line;
        Column = column;
    }

    /// <summary>The stable id, for example <c>WOM3001</c>.</summary>
    public string Id { get; }

    /// <summary>Whether this is an error or a warning.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>The message: a full sentence that says how to fix the problem.</summary>
    public string Message { get; }

    /// <summary>Where the id is documented: an absolute link into the repository's docs/diagnostics.md.</summary>
    public string HelpLink { get; }

    /// <summary>The path of the file, as the caller gave it, or null for text without a file.</summary>
    public string? Path { get; }

    /// <summary>The 0-based character range in the file.</summary>
    public TextSpan Span { get; }

    /// <summary>The 1-based line of the start of the span.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the start of the span.</summary>
    public int Column { get; }

    /// <summary>True when this diagnostic is an error.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Formats the diagnostic as <c>path(line,col): error WOM1234: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        // The path is the caller's; escaped like the message, so a file name cannot start a line of its own either.
        return string.Create(CultureInfo.InvariantCulture, $"{(Path is null ? "<campaign>" : MessageText.EscapePath(Path))}({Line},{Column}): {severity} {Id}: {Message}");
    }
}
