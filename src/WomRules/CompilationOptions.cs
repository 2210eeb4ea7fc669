namespace WomRules;

/// <summary>Limits and switches for compiling a campaign (spec §9). Every limit has a default; going past one is an error diagnostic.</summary>
public sealed record CompilationOptions
{
    /// <summary>The defaults of spec §9.</summary>
    public static CompilationOptions Default { get; } = new();

    /// <summary>The largest campaign file, in bytes of UTF-8. Default 16 MiB.</summary>
    public int MaxFileSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>The longest YAML scalar or DSL string literal, in characters. Default 64 KiB.</summary>
    public int MaxScalarLength { get; init; } = 64 * 1024;

    /// <summary>
    /// The longest name, in characters: the campaign id, event types, attributes, counters, tiers, privileges, disclosures,
    /// rules, badges and alerts, in either form. Default 256. A name is also a YAML key or scalar, so it stays well inside
    /// the YAML limits (an implicit key holds at most 1024 characters) whichever form it is written in.
    /// </summary>
    public int MaxNameLength { get; init; } = 256;

    /// <summary>The deepest nesting of YAML collections, and of parentheses, <c>not</c>, unary <c>-</c> and <c>if</c> in an expression. Default 256.</summary>
    public int MaxNestingDepth { get; init; } = 256;

    /// <summary>The form of the campaign text; null (the default) picks it from the path: <c>.wom</c> is the DSL, anything else YAML.</summary>
    public CampaignFormat? Format { get; init; }
    /// <summary>
    /// Lets rules written in C# (<c>lang: csharp</c>, spec §8) compile. Off by default: without it such a rule is error WOM3031.
    /// Setting it alone is not enough; the WomRules.CSharp package's <c>WithCSharp()</c> sets it and plugs in the compiler.
    /// </summary>
    public bool AllowCSharp { get; init; }

    /// <summary>The compiler for C# rules, plugged in by WomRules.CSharp; the core does not reference Roslyn.</summary>
    internal Binding.ICSharpRuleCompiler? CSharpCompiler { get; init; }

    /// <summary>Which evaluator the emitted campaign uses; the reference one exists for agreement tests.</summary>
    internal Emit.EvaluatorKind Evaluator { get; init; } = Emit.EvaluatorKind.Compiled;
}
