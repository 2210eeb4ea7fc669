namespace WomRules.Parsing;

/// <summary>
/// The expected shape of one YAML node of a campaign file. The reader takes its allowed keys from these shapes and
/// the JSON Schema for editors is generated from them, so the two cannot drift apart.
/// Every shape carries the texts an editor shows (docs: docs/ci.md, editor support): its description, and optionally a
/// title and an example; a key's example sits on its <see cref="KeyShape"/>. The schema tests require them.
/// </summary>
internal abstract record YamlShape(string Description)
{
    /// <summary>The heading of an editor's hover; null: derived from the key that holds the shape.</summary>
    public string? Title { get; init; }

    /// <summary>A YAML example of the shape in use, shown under the description; null: the holding key's example.</summary>
    public string? Example { get; init; }
}

/// <summary>The kind of value a scalar holds, as JSON types after YAML's core schema resolves it.</summary>
internal enum ScalarKind
{
    /// <summary>Any text.</summary>
    String,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A number or a numeric string, such as 10.00 or "10.00".</summary>
    Decimal,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>An expression of the campaign language; a bare number or true/false is an expression too.</summary>
    Expression,

    /// <summary>Any single value (a default of a declared type).</summary>
    Any,
}

/// <summary>A single value, optionally restricted to a list of words, a pattern or a minimum.</summary>
internal sealed record ScalarShape(string Description, ScalarKind Kind, IReadOnlyList<string>? Words = null, string? Pattern = null, long? Minimum = null)
    : YamlShape(Description)
{
    /// <summary>What each of <see cref="Words"/> means, in the same order (the schema's <c>enumDescriptions</c>); null when not described.</summary>
    public IReadOnlyList<string>? WordDescriptions { get; init; }
}

/// <summary>A mapping with a fixed set of keys; a key outside the set is an error at the key.</summary>
internal sealed record MappingShape(string Name, string Description, IReadOnlyList<KeyShape> Keys, IReadOnlyList<string>? AtLeastOneOf = null)
    : YamlShape(Description)
{
    /// <summary>The short name its keys' hover headings start with, such as "Campaign" in "Campaign: events" (default <see cref="YamlShape.Title"/>).</summary>
    public string? KeyTitlePrefix { get; init; }

    /// <summary>Skeletons an editor offers where this mapping may be written (the schema's <c>defaultSnippets</c>).</summary>
    public IReadOnlyList<ShapeSnippet> Snippets { get; init; } = [];

    /// <summary>The allowed keys, in the order the reader lists them in its messages.</summary>
    public string[] KeyNames { get; } = [.. Keys.Select(k => k.Name)];

    /// <summary>Keys that must be present.</summary>
    public IEnumerable<string> Required => Keys.Where(k => k.Required).Select(k => k.Name);
}

/// <summary>
/// One key of a <see cref="MappingShape"/>; <paramref name="Requires"/> names keys that must appear beside it;
/// <paramref name="Example"/> is the key written with a typical value, such as <c>per: week</c> (the schema tests
/// require one for every key whose value is not a mapping of its own).
/// </summary>
internal sealed record KeyShape(string Name, YamlShape Value, bool Required = false, IReadOnlyList<string>? Requires = null, string? Example = null);

/// <summary>
/// An editor skeleton: <paramref name="Body"/> is block YAML whose plain scalars may be snippet tab stops (<c>$1</c>,
/// <c>${1:name}</c>, <c>${1|a,b|}</c>). Keys and values are written into the file as they are here, so a key such as
/// <c>on</c> stays unquoted.
/// </summary>
internal sealed record ShapeSnippet(string Label, string Description, string Body);

/// <summary>A mapping whose keys are names the author chooses (event types, attributes); empty may be left blank.</summary>
internal sealed record NamedMapShape(string Description, string KeyPattern, YamlShape Value) : YamlShape(Description);

/// <summary>A list; it may be left blank unless <see cref="NonEmpty"/>.</summary>
internal sealed record ListShape(string Description, YamlShape Item) : YamlShape(Description)
{
    /// <summary>The reader rejects the list blank or empty (<c>rewards: []</c>): the schema's <c>minItems: 1</c>.</summary>
    public bool NonEmpty { get; init; }
}

/// <summary>Either of several shapes, such as an attribute written as a type name or as <c>{ type, default }</c>.</summary>
internal sealed record ChoiceShape(string Description, IReadOnlyList<YamlShape> Options) : YamlShape(Description);

/// <summary>Any YAML value at all, such as the body of an inline event or state that the engine validates itself.</summary>
internal sealed record AnyShape(string Description) : YamlShape(Description);
