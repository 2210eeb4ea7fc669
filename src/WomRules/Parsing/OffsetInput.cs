using Sprache;

namespace WomRules.Parsing;

/// <summary>
/// A light Sprache input: Sprache's own allocates a memo dictionary for every character it advances over, which
/// dominated the parse time of big files. This one creates its memos only if asked, and can jump straight to an
/// offset, so the DSL's raw-text parsers (expressions, code) continue where their scan ended.
/// </summary>
internal sealed class OffsetInput(string source, int position) : IInput
{
    private Dictionary<object, object>? memos;

    public string Source { get; } = source;

    public int Position { get; } = position;

    public bool AtEnd => Position >= Source.Length;

    public char Current => Source[Position];

    // Positions are reported from offsets, so Sprache's line and column are never read.
    public int Line => 0;

    public int Column => Position;

    public IDictionary<object, object> Memos => memos ??= [];

    public IInput Advance() => AtEnd ? throw new InvalidOperationException("The input is already at its end.") : new OffsetInput(Source, Position + 1);

    public OffsetInput At(int offset) => new(Source, offset);

    public bool Equals(IInput? other) => other is not null && ReferenceEquals(Source, other.Source) && Position == other.Position;

    public override bool Equals(object? obj) => obj is IInput other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Source.Length, Position);
}
