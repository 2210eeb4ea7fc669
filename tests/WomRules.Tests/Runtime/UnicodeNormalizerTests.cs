using System.Globalization;
using System.Text;
using WomRules.Runtime;
using WomRules.Tests.Support;

namespace WomRules.Tests.Runtime;

/// <summary>
/// WomRules' own NFC, NFKC and case folding (for the <c>ids</c> option) against Python's unicodedata on the vectors
/// eng/generate-unicode-tables.py wrote with the tables: Hangul, reordering of marks, blocked compositions,
/// compatibility forms, expanding folds.
/// </summary>
public sealed class UnicodeNormalizerTests
{
    private static readonly string[] Vectors = [.. File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "tests", "WomRules.Tests", "Runtime", "unicode-vectors.txt"))
        .Where(l => !l.StartsWith('#'))];

    [Fact]
    public void Nfc_nfkc_and_folding_agree_with_the_reference_vectors()
    {
        Vectors.Should().HaveCountGreaterThan(500);
        foreach (var line in Vectors)
        {
            var fields = line.Split(';').Select(Text).ToArray();
            UnicodeNormalizer.Normalize(fields[0], compatibility: false).Should().Be(fields[1], "NFC of " + line);
            UnicodeNormalizer.Normalize(fields[0], compatibility: true).Should().Be(fields[2], "NFKC of " + line);
            UnicodeNormalizer.Fold(fields[0]).Should().Be(fields[3], "the case folding of " + line);
        }
    }

    [Fact]
    public void An_unpaired_surrogate_is_not_text()
    {
        UnicodeNormalizer.Normalize("a\uD800\u0301", compatibility: true).Should().BeNull();
        UnicodeNormalizer.Fold("\uDC00").Should().BeNull();
    }

    [Fact]
    public void Ascii_is_returned_as_is()
    {
        const string id = "user-42";
        UnicodeNormalizer.Normalize(id, compatibility: true).Should().BeSameAs(id);
    }

    private static string Text(string hex)
    {
        var builder = new StringBuilder();
        foreach (var cp in hex.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(char.ConvertFromUtf32(int.Parse(cp, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)));
        }

        return builder.ToString();
    }
}
