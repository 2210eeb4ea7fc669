namespace WomRules.Syntax;

/// <summary>
/// A <c>#</c> comment as written, kept beside the tree (not in it) so that <c>fmt</c> and <c>convert</c> can carry it over.
/// <see cref="Text"/> is what follows the <c>#</c>; <see cref="Trailing"/> means code precedes it on its line;
/// <see cref="BeforeKey"/> marks a YAML comment written above a top-level key, so it stays above that key.
/// </summary>
internal sealed record SyntaxComment(int Offset, string Text, bool Trailing, bool BeforeKey = false);
