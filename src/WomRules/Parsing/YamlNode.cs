using WomRules.Text;

namespace WomRules.Parsing;

/// <summary>A node of the small, position-keeping YAML tree the campaign reader walks.</summary>
internal abstract class YamlNode(TextSpan span)
{
    public TextSpan Span { get; } = span;

    public abstract string KindName { get; }
}

/// <summary>A scalar with its value, its style and its span in the file (quotes included for quoted scalars).</summary>
internal sealed class YamlScalar(string value, YamlDotNet.Core.ScalarStyle style, TextSpan span) : YamlNode(span)
{
    public string Value { get; } = value;

    public YamlDotNet.Core.ScalarStyle Style { get; } = style;

    public bool IsPlainEmpty => Value.Length == 0 && Style == YamlDotNet.Core.ScalarStyle.Plain;

    public override string KindName => "a single value";
}

/// <summary>A mapping, entries in file order.</summary>
internal sealed class YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries, TextSpan span) : YamlNode(span)
{
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = entries;

    public override string KindName => "a mapping";
}

/// <summary>A sequence, items in file order.</summary>
internal sealed class YamlSequence(IReadOnlyList<YamlNode> items, TextSpan span) : YamlNode(span)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override string KindName => "a list";
}
