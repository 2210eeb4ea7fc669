using System.Collections.Immutable;

namespace WomRules.Parsing;

// What the DSL grammar returns for one declaration, with offsets local to the declaration's text. The grammar only
// recognises shapes; DslCampaignParser turns these into syntax nodes, parses the expressions, and reports the rest.

/// <summary>A word or string as written: its value (strings unquoted) and its local span.</summary>
internal sealed record DslWord(string Text, int Start, int End);

/// <summary>The raw text of an expression, or of C# code in backticks (then <see cref="CodeStart"/>..<see cref="CodeEnd"/> is the code).</summary>
internal sealed record DslExtent(int Start, int End, bool IsCode, int CodeStart, int CodeEnd);

/// <summary>One clause line (or header argument): its keyword and value (a word, words, an extent, an attribute, a reward or a limit).</summary>
internal sealed record DslClause(DslWord Keyword, object? Value);

/// <summary>A top-level declaration: <c>rule NAME</c> and its clause lines.</summary>
internal sealed record DslDeclaration(DslWord Keyword, DslWord? Name, ImmutableArray<DslClause> Clauses);

/// <summary><c>name: type [identity] [= default]</c>; <see cref="Identity"/> is the word 'identity' when written (spec v1.1 §8).</summary>
internal sealed record DslAttribute(DslWord Name, DslWord Type, DslDefault? Default, DslWord? Identity = null);

internal sealed record DslDefault(DslWord? Scalar, ImmutableArray<DslWord>? List, int Start, int End);

internal sealed record DslReward(DslWord? To, ImmutableArray<DslEffect> Effects, int End);

/// <summary>One effect of a reward: <see cref="Kind"/> is points, credit, badge, counter, alert, data (Name = Amount) or by.</summary>
internal sealed record DslEffect(DslWord Kind, DslWord? Name, DslExtent? Amount, DslExtent? By)
{
    /// <summary>An alert's <c>severity LEVEL</c>, when written.</summary>
    public DslWord? Severity { get; init; }
}

internal sealed record DslLimit(DslWord Count, DslWord? Per, DslWord? Of, int End);
