using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace WomRules.Runtime;

/// <summary>
/// Unicode normalization (NFC, NFKC; UAX #15) and full case folding over WomRules' own tables
/// (<see cref="UnicodeTables"/>), so that participant ids canonicalise the same in every host: .NET's
/// <see cref="string.Normalize()"/> does nothing in globalization-invariant mode, and its invariant casing differs
/// between ICU and invariant mode. Used only under a campaign's <c>ids</c> option.
/// </summary>
internal static class UnicodeNormalizer
{
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7, LCount = 19, VCount = 21, TCount = 28, SCount = 11172;

    /// <summary>ASCII other than the capital letters: the characters that fold to themselves one for one.</summary>
    private static readonly System.Buffers.SearchValues<char> AsciiFolded =
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => c is < 'A' or > 'Z')]);

    private static readonly Lazy<Tables> Data = new(() => new Tables());

    /// <summary>NFC, or NFKC when <paramref name="compatibility"/>; null for text with an unpaired surrogate.</summary>
    public static string? Normalize(string text, bool compatibility)
    {
        // Below U+0300 nothing decomposes to anything but itself once recomposed, and below U+00A0 nothing has a
        // compatibility mapping, so the common case costs one scan.
        var quick = compatibility ? '\u00A0' : '\u0300';
        if (text.AsSpan().IndexOfAnyInRange(quick, '\uFFFF') < 0)
        {
            return text;
        }

        if (CodePoints(text) is not { } input)
        {
            return null;
        }

        var tables = Data.Value;
        var decomposed = new List<int>(input.Count + 8);
        foreach (var cp in input)
        {
            Decompose(cp, compatibility, tables, decomposed);
        }

        Reorder(decomposed, tables);
        Compose(decomposed, tables);
        return FromCodePoints(decomposed);
    }

    /// <summary>Full case folding (Unicode CaseFolding.txt, C and F); null for text with an unpaired surrogate.</summary>
    public static string? Fold(string text)
    {
        // Lowercase ASCII folds to itself: the common id costs one scan and no allocation.
        if (text.AsSpan().IndexOfAnyExcept(AsciiFolded) < 0)
        {
            return text;
        }

        if (CodePoints(text) is not { } input)
        {
            return null;
        }

        var tables = Data.Value;
        var folded = new List<int>(input.Count);
        foreach (var cp in input)
        {
            if (tables.Folding.TryGetValue(cp, out var mapped))
            {
                folded.AddRange(mapped);
            }
            else
            {
                folded.Add(cp);
            }
        }

        return FromCodePoints(folded);
    }

    private static void Decompose(int cp, bool compatibility, Tables tables, List<int> output)
    {
        if (cp is >= SBase and < SBase + SCount)
        {
            var index = cp - SBase;
            output.Add(LBase + (index / (VCount * TCount)));
            output.Add(VBase + (index % (VCount * TCount) / TCount));
            if (index % TCount != 0)
            {
                output.Add(TBase + (index % TCount));
            }

            return;
        }

        if ((compatibility && tables.Compatibility.TryGetValue(cp, out var mapped)) || tables.Canonical.TryGetValue(cp, out mapped))
        {
            output.AddRange(mapped);
            return;
        }

        output.Add(cp);
    }

    /// <summary>The canonical ordering: each run of non-starters sorted stably by combining class.</summary>
    private static void Reorder(List<int> cps, Tables tables)
    {
        for (var i = 1; i < cps.Count; i++)
        {
            var ccc = tables.Class(cps[i]);
            if (ccc == 0)
            {
                continue;
            }

            // Insertion sort: move it left past non-starters of a higher class.
            var j = i;
            while (j > 0 && tables.Class(cps[j - 1]) is var before && before > ccc)
            {
                (cps[j - 1], cps[j]) = (cps[j], cps[j - 1]);
                j--;
            }
        }
    }

    /// <summary>The canonical composition of UAX #15: each character joins the last starter unless blocked.</summary>
    private static void Compose(List<int> cps, Tables tables)
    {
        if (cps.Count == 0)
        {
            return;
        }

        var starterPos = 0;
        var starter = cps[0];
        var lastClass = tables.Class(starter);
        if (lastClass != 0)
        {
            lastClass = 256; // a leading non-starter blocks everything after it from composing with it
        }

        var write = 1;
        for (var read = 1; read < cps.Count; read++)
        {
            var ch = cps[read];
            var chClass = tables.Class(ch);
            var composite = Composite(starter, ch, tables);
            if (composite >= 0 && (lastClass < chClass || lastClass == 0))
            {
                cps[starterPos] = composite;
                starter = composite;
                continue;
            }

            if (chClass == 0)
            {
                starterPos = write;
                starter = ch;
            }

            lastClass = chClass;
            cps[write++] = ch;
        }

        cps.RemoveRange(write, cps.Count - write);
    }

    private static int Composite(int first, int second, Tables tables)
    {
        if (first is >= LBase and < LBase + LCount && second is >= VBase and < VBase + VCount)
        {
            return SBase + ((((first - LBase) * VCount) + (second - VBase)) * TCount);
        }

        if (first is >= SBase and < SBase + SCount && (first - SBase) % TCount == 0 && second is > TBase and < TBase + TCount)
        {
            return first + (second - TBase);
        }

        return tables.Compositions.TryGetValue(((long)first << 21) | (uint)second, out var composite) ? composite : -1;
    }

    private static List<int>? CodePoints(string text)
    {
        var result = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!Rune.TryGetRuneAt(text, i, out var rune))
            {
                return null;
            }

            result.Add(rune.Value);
            i += rune.Utf16SequenceLength - 1;
        }

        return result;
    }

    private static string FromCodePoints(List<int> cps)
    {
        var builder = new StringBuilder(cps.Count);
        foreach (var cp in cps)
        {
            builder.Append(new Rune(cp).ToString());
        }

        return builder.ToString();
    }

    /// <summary>The generated tables, parsed once on first use.</summary>
    private sealed class Tables
    {
        public readonly FrozenDictionary<int, int[]> Canonical = Mappings(UnicodeTables.Canonical);
        public readonly FrozenDictionary<int, int[]> Compatibility = Mappings(UnicodeTables.Compatibility);
        public readonly FrozenDictionary<int, int[]> Folding = Mappings(UnicodeTables.CaseFolding);
        public readonly FrozenDictionary<long, int> Compositions = Pairs(UnicodeTables.Compositions);
        private readonly FrozenDictionary<int, int> classes = Mappings(UnicodeTables.CombiningClasses).ToFrozenDictionary(p => p.Key, p => p.Value[0]);

        public int Class(int cp) => cp < 0x300 ? 0 : classes.GetValueOrDefault(cp);

        private static FrozenDictionary<int, int[]> Mappings(string table) =>
            table.Split(';').Select(entry => entry.Split(':')).ToFrozenDictionary(
                parts => Hex(parts[0]),
                // Combining classes are decimal; everything else is hexadecimal code points.
                parts => ReferenceEquals(table, UnicodeTables.CombiningClasses)
                    ? [int.Parse(parts[1], CultureInfo.InvariantCulture)]
                    : parts[1].Split(' ').Select(Hex).ToArray());

        private static FrozenDictionary<long, int> Pairs(string table) =>
            table.Split(';').Select(entry => entry.Split(':')).ToFrozenDictionary(
                parts => parts[0].Split(' ') is var pair ? ((long)Hex(pair[0]) << 21) | (uint)Hex(pair[1]) : 0,
                parts => Hex(parts[1]));

        private static int Hex(string text) => int.Parse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }
}
