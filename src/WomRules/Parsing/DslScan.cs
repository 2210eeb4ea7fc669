using System.Collections.Immutable;
using WomRules.Syntax;

namespace WomRules.Parsing;

/// <summary>The result of the pre-pass: the text with comments blanked, the comments, and where lexical errors were reported.</summary>
internal sealed record DslScan(string Masked, ImmutableArray<SyntaxComment> Comments, ImmutableArray<int> ErrorOffsets);
