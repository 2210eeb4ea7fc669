using System.Globalization;
using System.Text;
using CsCheck;
using WomRules.Text;

namespace WomRules.Tests.Compilation;

/// <summary>The one escaping of user text in messages: nothing hidden survives it, and nothing is lost (it can be undone exactly).</summary>
public sealed class MessageTextPropertyTests
{
    /// <summary>Any UTF-16 unit, biased toward backslashes, escape letters, breaks, controls, bidi and invisible characters, and surrogate halves.</summary>
    private static readonly Gen<string> Texts =
        Gen.Frequency(
                (2, Gen.Char),
                (3, Gen.OneOf('\\', 'n', 'u', 'r', 't', '0', 'x', 'a', ' ', '\n', '\r', '\t', '\u001b', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029',
                    '\u202e', '\u2066', '\u200b', '\u200d', '\ufeff', '\u00a0', '\u3164', '\ufe0f', '\ud83d', '\ude00', '\udb40', '\udc01', 'é', '广')))
            .Array[0, 40]
            .Select(chars => new string(chars));

    [Fact]
    public void The_escaped_form_holds_no_hidden_character_and_unescapes_to_the_original()
    {
        Texts.Sample(text =>
        {
            var escaped = MessageText.Escape(text);
            Hidden(escaped).Should().BeEmpty();
            Unescape(escaped).Should().Be(text);
        });
    }

    [Fact]
    public void A_path_holds_no_hidden_character_and_keeps_everything_else_as_written()
    {
        Texts.Sample(path =>
        {
            var escaped = MessageText.EscapePath(path);
            Hidden(escaped).Should().BeEmpty();
            if (!path.Any(c => TextHazards.IsHiddenInMessage(c)))
            {
                escaped.Should().Be(path, "only hidden characters are escaped in a path; backslashes stay");
            }
        });
    }

    [Fact]
    public void A_windows_path_in_a_diagnostic_reads_as_written()
    {
        const string path = @"C:\temp\new\reviews\units\campaign.yaml";
        var diagnostic = CampaignCompilation.Create("womrules: 1\ncampaign: Bad_Id\n", path).GetDiagnostics().Should().ContainSingle().Subject;
        diagnostic.ToString().Should().StartWith(path + "(2,11): error WOM3001: ");
    }

    [Fact]
    public void Text_with_nothing_to_escape_is_returned_unchanged()
    {
        var plain = Gen.OneOf([.. Enumerable.Range(' ', 95).Select(c => (char)c).Where(c => c != '\\'), 'é', '广']).Array[0, 40].Select(chars => new string(chars));
        plain.Sample(text => MessageText.Escape(text).Should().BeSameAs(text));
    }

    [Theory]
    [InlineData("\u001b[2J\nx", "\\u001b[2J\\nx")]
    [InlineData("a\\d+", "a\\d+")]
    [InlineData("a\\nb", "a\\\\nb")]
    [InlineData("\u202e\ud83d\ude00\udb40\udc01", "\\u202e\ud83d\ude00\\udb40\\udc01")]
    public void Escapes_read_like_csharp_and_json(string text, string expected) => MessageText.Escape(text).Should().Be(expected);

    /// <summary>Every code point (a lone surrogate counts as one) that the escaping promises never to show raw.</summary>
    private static List<string> Hidden(string text)
    {
        var found = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            int code = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                code = char.ConvertToUtf32(text[i], text[++i]);
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(code);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate
                || (category == UnicodeCategory.SpaceSeparator && code != ' '))
            {
                found.Add($"U+{code:X4}");
            }
        }

        return found;
    }

    /// <summary>The inverse, for tests: <c>\\</c>, <c>\n</c>, <c>\r</c>, <c>\t</c> and <c>\uXXXX</c> are decoded; any other backslash stands for itself.</summary>
    private static string Unescape(string escaped)
    {
        var b = new StringBuilder();
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] != '\\' || i + 1 >= escaped.Length)
            {
                b.Append(escaped[i]);
                continue;
            }

            switch (escaped[i + 1])
            {
                case '\\': b.Append('\\'); i++; break;
                case 'n': b.Append('\n'); i++; break;
                case 'r': b.Append('\r'); i++; break;
                case 't': b.Append('\t'); i++; break;
                case 'u' when i + 6 <= escaped.Length:
                    b.Append((char)int.Parse(escaped.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    i += 5;
                    break;
                default: b.Append('\\'); break;
            }
        }

        return b.ToString();
    }
}
