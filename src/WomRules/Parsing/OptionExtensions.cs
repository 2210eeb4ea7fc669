using Sprache;

namespace WomRules.Parsing;

/// <summary>Sprache's option as a sequence, for spreading an optional clause into a list.</summary>
internal static class OptionExtensions
{
    public static IEnumerable<T> Items<T>(this IOption<T> option) => option.IsDefined ? [option.Get()] : [];
}
