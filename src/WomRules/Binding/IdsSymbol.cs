using System.Text;

namespace WomRules.Binding;

/// <summary>
/// The campaign's <c>ids</c> option, bound: how participant ids are canonicalised (Runtime.ParticipantIds does it).
/// A campaign without the option has none, and ids are compared ordinally, exactly as given.
/// </summary>
internal sealed record IdsSymbol(NormalizationForm? Form, bool IgnoreCase, bool StripZeroWidth)
{
    /// <summary>True when the option changes nothing (every key at its default), so the engine can skip it.</summary>
    public bool IsIdentity => Form is null && !IgnoreCase && !StripZeroWidth;
}
