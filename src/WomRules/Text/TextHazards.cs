using System.Globalization;
using System.Text;

namespace WomRules.Text;

/// <summary>
/// Characters that change how text is laid out or read rather than what it says. Three sets, from narrow to wide:
/// what a campaign file may not hold raw (<see cref="IsSourceHazard"/>), what a writer never prints raw
/// (<see cref="MustEscapeInOutput"/>), and what a message never shows raw (<see cref="IsHiddenInMessage"/>).
/// </summary>
internal static class TextHazards
{
    /// <summary>
    /// Refused raw in a campaign file of either form (a positioned error), on top of the C0 controls that make a file
    /// "not text": C1 controls, including U+0085, and U+2028/U+2029, which YamlDotNet, YAML 1.1 and many editors read
    /// as line breaks and the DSL, SourceText and YAML 1.2 do not; bidi embeddings, overrides and isolates, which
    /// reorder what a reviewer sees ("Trojan Source", CVE-2021-42574); and a byte order mark after the start.
    /// Written as escapes inside strings, all of them stay possible.
    /// </summary>
    public static bool IsSourceHazard(char c) =>
        c is >= '\u0080' and <= '\u009F' or '\u2028' or '\u2029' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFEFF';

    /// <summary>What the YAML and DSL writers escape inside a string: every control character (C0, DEL, C1), every source hazard, and the noncharacters.</summary>
    public static bool MustEscapeInOutput(char c) => char.IsControl(c) || IsSourceHazard(c) || c is '\uFFFE' or '\uFFFF';

    /// <summary>The first source hazard or half surrogate pair at or after <paramref name="start"/>, or -1.</summary>
    public static int FirstSourceHazard(string text, int start = 0)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u0080')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || (IsSourceHazard(c) && !(c == '\uFEFF' && i == 0)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Never shown raw in a diagnostic or a reason: control characters, line and paragraph separators, format
    /// characters (bidi controls, zero-width characters, the BOM, tag characters), spaces other than U+0020,
    /// the other default-ignorable characters that render as nothing, and noncharacters.
    /// </summary>
    public static bool IsHiddenInMessage(int codePoint)
    {
        if (codePoint is >= 0x20 and < 0x7F)
        {
            return false;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.Surrogate
            || codePoint is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or >= 0x180B and <= 0x180F or 0x3164 or >= 0xFE00 and <= 0xFE0F
                or 0xFFA0 or 0xFFFE or 0xFFFF or >= 0xE0100 and <= 0xE01EF;
    }

    /// <summary>
    /// A comment's text as a writer prints it. A comment cannot escape anything, so a character a reader could take for
    /// a line break (where the rest of the comment would become live text) or a control is shown as a visible
    /// <c>\uXXXX</c> instead. The readers refuse these characters raw, so this only guards text that did not come from a file.
    /// </summary>
    public static string EscapeInComment(string text)
    {
        if (!text.Any(c => c != '\t' && MustEscapeInOutput(c)))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c != '\t' && MustEscapeInOutput(c) ? builder.AppendUnicodeEscape(c) : builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The index of the first character (a surrogate pair counts as one) that <see cref="IsHiddenInMessage"/> holds hidden, or -1.</summary>
    public static int FirstHiddenInMessage(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (IsHiddenInMessage(pair ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i]))
            {
                return i;
            }

            i += pair ? 1 : 0;
        }

        return -1;
    }

    /// <summary>
    /// Like <see cref="FirstHiddenInMessage"/>, but a zero-width joiner between two symbols and a variation selector
    /// after one are part of an emoji ("👨‍👩‍👧", "❤️"), not hidden text, so a name may hold them there.
    /// </summary>
    public static int FirstHiddenInName(string text)
    {
        var from = 0;
        while (FirstHiddenInMessage(text[from..]) is var found and >= 0)
        {
            var i = from + found;
            var emoji = text[i] switch
            {
                '\u200D' => IsSymbolBefore(text, i) && i + 1 < text.Length && IsSymbol(text, i + 1),
                >= '\uFE00' and <= '\uFE0F' => IsSymbolBefore(text, i),
                _ => false,
            };
            if (!emoji)
            {
                return i;
            }

            from = i + 1;
        }

        return -1;
    }

    private static bool IsSymbolBefore(string text, int i) =>
        i > 0 && IsSymbol(text, char.IsLowSurrogate(text[i - 1]) && i > 1 && char.IsHighSurrogate(text[i - 2]) ? i - 2 : i - 1);

    private static bool IsSymbol(string text, int i) =>
        CharUnicodeInfo.GetUnicodeCategory(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
            ? char.ConvertToUtf32(text[i], text[i + 1])
            : text[i]) == UnicodeCategory.OtherSymbol;

    /// <summary>The character at <paramref name="i"/> for a message, a surrogate pair as its code point: <c>U+E0001 (invisible character)</c>.</summary>
    public static string Describe(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
            ? string.Create(CultureInfo.InvariantCulture, $"U+{char.ConvertToUtf32(text[i], text[i + 1]):X4} (invisible character)")
            : Describe(text[i]);

    /// <summary>A character for a message: <c>U+2028 (line separator)</c>.</summary>
    public static string Describe(char c)
    {
        var name = c switch
        {
            '\u0085' => "next line",
            '\u2028' => "line separator",
            '\u2029' => "paragraph separator",
            '\uFEFF' => "byte order mark",
            >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' => "bidirectional control",
            >= '\u0080' and <= '\u009F' => "control character",
            '\n' => "line feed",
            '\r' => "carriage return",
            '\t' => "tab",
            < '\u0020' or '\u007F' => "control character",
            _ when char.IsSurrogate(c) => "half of a surrogate pair",
            _ when char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator => "space that is not U+0020",
            _ => "invisible character",
        };
        return string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4} ({name})");
    }

    /// <summary>Appends <c>\uXXXX</c> (lowercase hex) for one UTF-16 unit.</summary>
    public static StringBuilder AppendUnicodeEscape(this StringBuilder builder, char c) =>
        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
