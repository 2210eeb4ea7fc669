using System.Text;
using WomRules.Binding;

namespace WomRules.Runtime;

/// <summary>
/// Canonical participant ids under a campaign's <c>ids</c> option (docs/semantics.md): zero-width characters
/// stripped, then Unicode normalization (NFC or NFKC), then Unicode full case folding, then normalization again,
/// since folding can undo it. Normalization and folding use WomRules' own Unicode tables (<see cref="UnicodeNormalizer"/>),
/// so an id canonicalises the same in every host. Without the option, ids are compared ordinally, exactly as given,
/// and nothing here runs.
/// </summary>
internal static class ParticipantIds
{
    /// <summary>
    /// The canonical form of <paramref name="id"/>, or null when it is not valid text (an unpaired surrogate). An id
    /// that is already canonical is returned as is.
    /// </summary>
    public static string? Canonicalize(string id, IdsSymbol ids)
    {
        string? text = ids.StripZeroWidth ? StripZeroWidth(id) : id;
        var compatibility = ids.Form == NormalizationForm.FormKC;
        if (ids.Form is not null)
        {
            text = UnicodeNormalizer.Normalize(text, compatibility);
        }

        if (ids.IgnoreCase && text is not null)
        {
            text = UnicodeNormalizer.Fold(text);
            if (ids.Form is not null && text is not null)
            {
                text = UnicodeNormalizer.Normalize(text, compatibility);
            }
        }

        return text is null ? null : string.Equals(text, id, StringComparison.Ordinal) ? id : text;
    }

    /// <summary>
    /// Characters that show as nothing and are used to make look-alike ids: zero width space, non-joiner and joiner
    /// (U+200B to U+200D), word joiner (U+2060), zero width no-break space or byte order mark (U+FEFF), soft hyphen
    /// (U+00AD) and Mongolian vowel separator (U+180E).
    /// </summary>
    public static bool IsZeroWidth(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u180E';

    private static string StripZeroWidth(string id)
    {
        var first = id.AsSpan().IndexOfAny(ZeroWidth);
        if (first < 0)
        {
            return id;
        }

        var builder = new StringBuilder(id.Length);
        builder.Append(id, 0, first);
        for (var i = first; i < id.Length; i++)
        {
            if (!IsZeroWidth(id[i]))
            {
                builder.Append(id[i]);
            }
        }

        return builder.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> ZeroWidth =
        System.Buffers.SearchValues.Create("\u200B\u200C\u200D\u2060\uFEFF\u00AD\u180E");
}
