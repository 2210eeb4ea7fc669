using Sprache;

namespace WomRules.Parsing;

/// <summary>
/// Sprache input over a DSL declaration that can jump straight to an offset: the raw-text parsers (expressions, code)
/// find their extent by scanning and continue there, instead of advancing one character at a time.
/// </summary>
internal sealed class DslInput(string source, int position) : IInput
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

    public IInput Advance() => AtEnd ? throw new InvalidOperationException("The input is already at its end.") : new DslInput(Source, Position + 1);

    public DslInput At(int offset) => new(Source, offset);

    public bool Equals(IInput? other) => other is not null && ReferenceEquals(Source, other.Source) && Position == other.Position;

    public override bool Equals(object? obj) => obj is IInput other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Source.Length, Position);
}
