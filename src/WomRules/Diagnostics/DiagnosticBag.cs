using System.Collections.Immutable;
using System.Globalization;
using WomRules.Text;

namespace WomRules.Diagnostics;

/// <summary>Collects diagnostics for one source text while a stage runs.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> diagnostics = [];

    public DiagnosticBag(SourceText source)
    {
        Source = source;
    }

    public SourceText Source { get; }

    public bool HasErrors { get; private set; }

    public int Count => diagnostics.Count;

    private int suggestionsLeft = Binding.NameSuggestions.MaxPerFile;

    /// <summary>Whether a "did you mean" may still be looked for in this file (<see cref="Binding.NameSuggestions.MaxPerFile"/>).</summary>
    public bool TrySpendSuggestion()
    {
        if (suggestionsLeft == 0)
        {
            return false;
        }

        suggestionsLeft--;
        return true;
    }

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args)
    {
        var message = args.Length == 0
            ? descriptor.MessageFormat
            : string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, EscapeArguments(args));
        var position = Source.GetLinePosition(span.Start);
        diagnostics.Add(new Diagnostic(descriptor, message, Source.Path, span, position.Line + 1, position.Character + 1));
        HasErrors |= descriptor.Severity == DiagnosticSeverity.Error;
    }

    /// <summary>Every argument that is text (a name, a key, a value, a library's message quoting the input) is escaped, so a message is one line and shows what it quotes.</summary>
    private static object?[] EscapeArguments(object?[] args)
    {
        var escaped = new object?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            escaped[i] = args[i] switch
            {
                null => null,
                string text => MessageText.Escape(text),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                var other => MessageText.Escape(other.ToString()),
            };
        }

        return escaped;
    }

    /// <summary>Takes over what a scratch bag of the same file collected, and the suggestions it spent.</summary>
    public void AddRange(DiagnosticBag other)
    {
        AddRange(other.diagnostics);
        suggestionsLeft = Math.Max(0, suggestionsLeft - (Binding.NameSuggestions.MaxPerFile - other.suggestionsLeft));
    }

    public void AddRange(IEnumerable<Diagnostic> other)
    {
        foreach (var d in other)
        {
            diagnostics.Add(d);
            HasErrors |= d.IsError;
        }
    }

    /// <summary>Drops diagnostics reported since <paramref name="start"/> that repeat an earlier one (same id, span and message).</summary>
    public void RemoveDuplicatesSince(int start)
    {
        for (var i = diagnostics.Count - 1; i >= start; i--)
        {
            var d = diagnostics[i];
            if (diagnostics.Take(i).Any(e => e.Id == d.Id && e.Span == d.Span && e.Message == d.Message))
            {
                diagnostics.RemoveAt(i);
            }
        }
    }

    /// <summary>The diagnostics in source order, errors before warnings at the same position.</summary>
    public ImmutableArray<Diagnostic> ToImmutable() =>
        [.. diagnostics.Select((d, i) => (d, i)).OrderBy(p => p.d.Span.Start).ThenByDescending(p => p.d.Severity).ThenBy(p => p.i).Select(p => p.d)];
}
