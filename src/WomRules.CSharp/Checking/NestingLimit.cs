using Microsoft.CodeAnalysis;
using WomRules.Diagnostics;

namespace WomRules.CSharp.Checking;

/// <summary>
/// Keeps Roslyn's recursive parser and binder away from input that would overflow the stack (an uncatchable crash):
/// brackets are counted on the raw text before parsing, and the parsed tree's depth is measured without recursion
/// before it is bound. Both use the campaign's <c>MaxNestingDepth</c> (spec §9).
/// </summary>
internal static class NestingLimit
{
    /// <summary>
    /// The first place where the text nests deeper than <paramref name="limit"/>, skipping string and character literals.
    /// Brackets count by depth; '?' (conditional, '??', '?.'), '=>' and '=' count cumulatively, because Roslyn parses their
    /// chains recursively without any bracket ('a ? b : c ? d : …', 'a ?? b ?? …').
    /// </summary>
    public static Violation? CheckText(string text, int limit)
    {
        var depth = 0;
        var chained = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"' or '\'':
                    i = SkipLiteral(text, i);
                    continue;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '?':
                    chained++;
                    break;
                case '=' when i + 1 < text.Length && text[i + 1] == '>':
                    chained++;
                    break;
                case '=' when (i == 0 || "=!<>".IndexOf(text[i - 1], StringComparison.Ordinal) < 0) && (i + 1 == text.Length || text[i + 1] != '='):
                    chained++;
                    break;
            }

            if (depth + chained > limit)
            {
                return new Violation(DiagnosticDescriptors.CSharpTooDeep, i, 1, limit);
            }
        }

        return null;
    }

    /// <summary>The first node deeper than <paramref name="limit"/> in the parsed expression, found with an explicit stack.</summary>
    public static Violation? CheckTree(SyntaxNode root, int limit)
    {
        var stack = new Stack<(SyntaxNode Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > limit)
            {
                return new Violation(DiagnosticDescriptors.CSharpTooDeep, node.SpanStart, node.Span.Length, limit);
            }

            foreach (var child in node.ChildNodes())
            {
                stack.Push((child, depth + 1));
            }
        }

        return null;
    }

    // Ends at the closing quote; an escape skips the next character except in a verbatim string. Raw and verbatim strings
    // are close enough: a bracket miscounted inside one only makes the check stricter.
    private static int SkipLiteral(string text, int start)
    {
        var quote = text[start];
        var verbatim = quote == '"' && start > 0 && text[start - 1] == '@';
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && !verbatim)
            {
                i++;
            }
            else if (text[i] == quote || text[i] == '\n')
            {
                return i;
            }
        }

        return text.Length;
    }
}
