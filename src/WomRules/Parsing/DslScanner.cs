using System.Collections.Immutable;
using WomRules.Diagnostics;
using WomRules.Syntax;
using WomRules.Text;

namespace WomRules.Parsing;

/// <summary>
/// The lexical pre-pass over a DSL file: finds comments (outside strings and code), unterminated strings and code,
/// and over-long literals, and returns the text with comments blanked to spaces. Offsets are unchanged, so the
/// grammar never sees a comment and every position still points into the file.
/// </summary>
internal static class DslScanner
{
    public static DslScan Scan(string text, ReaderLimits limits, DiagnosticBag? diagnostics)
    {
        var masked = text.ToCharArray();
        var comments = ImmutableArray.CreateBuilder<SyntaxComment>();
        var errors = new List<int>();
        var lineHasCode = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            switch (c)
            {
                case '\n' or '\r':
                    lineHasCode = false;
                    i++;
                    break;
                case '#':
                {
                    var end = LineEnd(text, i);
                    comments.Add(new SyntaxComment(i, text[(i + 1)..end].TrimEnd(), lineHasCode));
                    Array.Fill(masked, ' ', i, end - i);
                    i = end;
                    break;
                }

                case '"' or '\'':
                {
                    lineHasCode = true;
                    var close = StringEnd(text, i);
                    if (close < 0)
                    {
                        diagnostics?.Report(DiagnosticDescriptors.DslUnterminatedString, new TextSpan(i, 1), c == '"' ? "'\"'" : "\"'\"");
                        errors.Add(i);
                        i = LineEnd(text, i);
                        break;
                    }

                    // Measured decoded, as YAML measures a scalar, so a value one form holds fits the other whatever its escapes.
                    if (close - i - 1 > limits.MaxScalarLength && DslStrings.Unquote(text[i..(close + 1)]).Length is var length && length > limits.MaxScalarLength)
                    {
                        diagnostics?.Report(DiagnosticDescriptors.DslValueTooLong, new TextSpan(i, 1), "string", length, limits.MaxScalarLength);
                        errors.Add(i);
                    }

                    i = close + 1;
                    break;
                }

                case '`':
                {
                    lineHasCode = true;
                    var fence = Run(text, i, '`');
                    var close = CodeEnd(text, i + fence, fence);
                    if (close < 0)
                    {
                        diagnostics?.Report(DiagnosticDescriptors.DslUnterminatedCode, new TextSpan(i, fence), new string('`', fence));
                        errors.Add(i);
                        i = text.Length;
                        break;
                    }

                    // Code keeps its text but not its line breaks: a code line at column 1 must not start a declaration.
                    for (var k = i + fence; k < close; k++)
                    {
                        if (masked[k] is '\n' or '\r')
                        {
                            masked[k] = ' ';
                        }
                    }

                    if (close - i - fence > limits.MaxScalarLength)
                    {
                        diagnostics?.Report(DiagnosticDescriptors.DslValueTooLong, new TextSpan(i, fence), "C# code", close - i - fence, limits.MaxScalarLength);
                        errors.Add(i);
                    }

                    i = close + fence;
                    break;
                }

                default:
                    lineHasCode |= c is not (' ' or '\t');
                    if (DslGrammar.IsValueChar(c))
                    {
                        // A bare word is a scalar too (spec §9): the limit a YAML value has, a DSL name or value has.
                        var end = i + 1;
                        while (end < text.Length && DslGrammar.IsValueChar(text[end]))
                        {
                            end++;
                        }

                        if (end - i > limits.MaxScalarLength)
                        {
                            diagnostics?.Report(DiagnosticDescriptors.DslValueTooLong, new TextSpan(i, 1), "word", end - i, limits.MaxScalarLength);
                            errors.Add(i);
                        }

                        i = end;
                        break;
                    }

                    i++;
                    break;
            }
        }

        return new DslScan(new string(masked), comments.ToImmutable(), [.. errors]);
    }

    public static int LineEnd(string text, int from)
    {
        var end = text.IndexOfAny(['\n', '\r'], from);
        return end < 0 ? text.Length : end;
    }

    /// <summary>The offset of the quote that closes the string opened at <paramref name="open"/>, or -1 when the line ends first.</summary>
    public static int StringEnd(string text, int open)
    {
        var quote = text[open];
        for (var i = open + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                return -1;
            }

            if (c == '\\')
            {
                i++;
            }
            else if (c == quote)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The offset of the run of exactly <paramref name="fence"/> backticks that closes code, or -1.</summary>
    public static int CodeEnd(string text, int from, int fence)
    {
        var i = from;
        while ((i = text.IndexOf('`', i)) >= 0)
        {
            var run = Run(text, i, '`');
            if (run == fence)
            {
                return i;
            }

            i += run;
        }

        return -1;
    }

    public static int Run(string text, int from, char c)
    {
        var i = from;
        while (i < text.Length && text[i] == c)
        {
            i++;
        }

        return i - from;
    }
}
