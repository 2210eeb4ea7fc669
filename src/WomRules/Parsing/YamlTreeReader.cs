using WomRules.Diagnostics;
using WomRules.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace WomRules.Parsing;

/// <summary>
/// Builds a <see cref="YamlNode"/> tree from YamlDotNet's event stream, never its representation model (which
/// overflows the stack on deep input). It counts depth itself and stops at the first breach of a limit, and
/// refuses anchors, aliases, tags, merge keys and duplicate keys. Iterative: no input can exhaust the stack.
/// </summary>
internal static class YamlTreeReader
{
    public static YamlNode? Read(SourceText source, ReaderLimits limits, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        if (FirstControlCharacter(text) is { } control)
        {
            diagnostics.Report(DiagnosticDescriptors.FileNotText, new TextSpan(control, 1));
            return null;
        }

        if (TextHazards.FirstSourceHazard(text) is var hazard and >= 0)
        {
            diagnostics.Report(DiagnosticDescriptors.YamlHiddenBreak, new TextSpan(hazard, 1), TextHazards.Describe(text[hazard]));
            return null;
        }

        var stack = new Stack<Frame>();
        YamlNode? root = null;
        var documents = 0;
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case DocumentStart start:
                        if (++documents > 1)
                        {
                            diagnostics.Report(DiagnosticDescriptors.MultipleDocuments, SpanOf(start, text));
                            return null;
                        }

                        continue;
                    case AnchorAlias alias:
                        diagnostics.Report(DiagnosticDescriptors.AnchorNotAllowed, SpanOf(alias, text));
                        return null;
                    case NodeEvent node when !node.Anchor.IsEmpty:
                        diagnostics.Report(DiagnosticDescriptors.AnchorNotAllowed, SpanOf(node, text));
                        return null;
                    case NodeEvent node when !node.Tag.IsEmpty:
                        diagnostics.Report(DiagnosticDescriptors.TagNotAllowed, SpanOf(node, text), node.Tag.Value);
                        return null;
                    case Scalar scalar:
                        if (scalar.Value.Length > limits.MaxScalarLength)
                        {
                            diagnostics.Report(DiagnosticDescriptors.ScalarTooLong, SpanOf(scalar, text), scalar.Value.Length, limits.MaxScalarLength);
                            return null;
                        }

                        if (!Add(new YamlScalar(scalar.Value, scalar.Style, SpanOf(scalar, text)), stack, ref root, diagnostics))
                        {
                            return null;
                        }

                        break;
                    case MappingStart or SequenceStart:
                        if (stack.Count + 1 > limits.MaxNestingDepth)
                        {
                            diagnostics.Report(DiagnosticDescriptors.NestingTooDeep, SpanOf(current, text), limits.MaxNestingDepth);
                            return null;
                        }

                        stack.Push(new Frame(current is MappingStart, Offset(current.Start, text)));
                        break;
                    case MappingEnd or SequenceEnd:
                        var frame = stack.Pop();
                        var span = TextSpan.FromBounds(frame.Start, Math.Max(frame.Start, Offset(current.End, text)));
                        YamlNode built = frame.IsMapping ? new YamlMapping(frame.Entries, span) : new YamlSequence(frame.Items, span);
                        if (!Add(built, stack, ref root, diagnostics))
                        {
                            return null;
                        }

                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            var at = Offset(ex.Start, text);
            if (LongImplicitKey(text, at) is { } key)
            {
                diagnostics.Report(DiagnosticDescriptors.KeyTooLong, new TextSpan(key, 1), at - key, MaxImplicitKeyLength);
                return null;
            }

            diagnostics.Report(DiagnosticDescriptors.YamlSyntax, new TextSpan(at, 0), CleanMessage(ex.Message));
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            diagnostics.Report(DiagnosticDescriptors.YamlSyntax, default, CleanMessage(ex.Message));
            return null;
        }

        if (root is null || root is YamlScalar { IsPlainEmpty: true })
        {
            diagnostics.Report(DiagnosticDescriptors.FileEmpty, default);
            return null;
        }

        return root;
    }

    private sealed class Frame(bool isMapping, int start)
    {
        public bool IsMapping { get; } = isMapping;

        public int Start { get; } = start;

        public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = [];

        public List<YamlNode> Items { get; } = [];

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public YamlScalar? PendingKey { get; set; }

        public bool SkipValue { get; set; }
    }

    /// <summary>Attaches a finished node to its parent; false stops reading after a reported error.</summary>
    private static bool Add(YamlNode node, Stack<Frame> stack, ref YamlNode? root, DiagnosticBag diagnostics)
    {
        if (stack.Count == 0)
        {
            root = node;
            return true;
        }

        var parent = stack.Peek();
        if (!parent.IsMapping)
        {
            parent.Items.Add(node);
            return true;
        }

        if (parent.PendingKey is null && !parent.SkipValue)
        {
            if (node is not YamlScalar key)
            {
                diagnostics.Report(DiagnosticDescriptors.ExpectedScalar, node.Span, "A mapping key");
                return false;
            }

            if (key.Value == "<<" && key.Style == ScalarStyle.Plain)
            {
                diagnostics.Report(DiagnosticDescriptors.MergeKeyNotAllowed, key.Span);
                return false;
            }

            if (!parent.Keys.Add(key.Value))
            {
                // Reported, and the second value dropped; reading goes on so that other mistakes are found too.
                diagnostics.Report(DiagnosticDescriptors.DuplicateKey, key.Span, key.Value);
                parent.SkipValue = true;
                return true;
            }

            parent.PendingKey = key;
            return true;
        }

        if (parent.SkipValue)
        {
            parent.SkipValue = false;
            return true;
        }

        parent.Entries.Add(new KeyValuePair<YamlScalar, YamlNode>(parent.PendingKey!, node));
        parent.PendingKey = null;
        return true;
    }

    private static TextSpan SpanOf(ParsingEvent e, string text)
    {
        var start = Offset(e.Start, text);
        return TextSpan.FromBounds(start, Math.Max(start, Offset(e.End, text)));
    }

    private static int Offset(Mark mark, string text) => (int)Math.Clamp(mark.Index, 0, text.Length);

    /// <summary>The first C0 control character other than tab, CR and LF (or DEL): binary garbage, not a campaign.</summary>
    internal static int? FirstControlCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < ' ' && c is not ('\t' or '\r' or '\n')) || c == '\u007F' || c == '\uFFFE' || c == '\uFFFF')
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>YAML 1.2 §7.4: an implicit key (one written without '? ') holds at most 1024 characters.</summary>
    public const int MaxImplicitKeyLength = 1024;

    /// <summary>
    /// The start of the key when the error sits on the ':' after an implicit key longer than YAML allows, which
    /// YamlDotNet reports only as "mapping values are not allowed in this context".
    /// </summary>
    private static int? LongImplicitKey(string text, int at)
    {
        if (at >= text.Length || text[at] != ':')
        {
            return null;
        }

        var lineStart = text.LastIndexOfAny(['\n', '\r'], Math.Max(0, at - 1)) + 1;
        var key = lineStart;
        while (key < at && text[key] is ' ' or '\t' or '-' or '{' or '[' or ',')
        {
            key++;
        }

        return at - key > MaxImplicitKeyLength ? key : null;
    }

    /// <summary>YamlDotNet prefixes "(Line: 3, Col: 1, Idx: 20) - (…): "; our diagnostics carry the position already.</summary>
    private static string CleanMessage(string message)
    {
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        var cleaned = message.StartsWith("(Line:", StringComparison.Ordinal) && cut >= 0 ? message[(cut + 3)..] : message;
        return cleaned.Trim().TrimEnd('.');
    }
}
