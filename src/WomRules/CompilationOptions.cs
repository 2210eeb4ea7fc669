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

    /// <summary>
    /// The largest complexity of a <c>matches</c> pattern: its positions after unrolling counted repetition, a count
    /// inside another repetition counting squared (<c>(a{1,10}){1,10}</c> is 1,000). Past it, error WOM3036.
    /// Default 1,000 (docs/semantics.md, Limits).
    /// </summary>
    public int MaxPatternComplexity { get; init; } = 1000;

    /// <summary>The longest <c>matches</c> pattern, in characters; past it, error WOM3037. Default 1,000.</summary>
    public int MaxPatternLength { get; init; } = 1000;

    /// <summary>
    /// How long one <c>matches</c> may run; past it the rule is <c>skipped</c> with reason <c>error</c>. Default 5 seconds,
    /// about twice the slowest pattern measured within the default complexity limit (docs/semantics.md, Limits).
    /// </summary>
    public TimeSpan RegexMatchTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many times the input strings (event and participant fields) may appear in the result of a string expression;
    /// past it, error WOM3038 (C#: WOM7012). Default 16.
    /// </summary>
    public int MaxStringGrowth { get; init; } = 16;

    /// <summary>
    /// The longest string an expression may build, in characters; a longer result makes the rule <c>skipped</c> with
    /// reason <c>error</c>. One expression evaluation builds at most <see cref="MaxStringGrowth"/> times this many
    /// characters in all. Default 1 Mi characters, the events-file line limit.
    /// </summary>
    public int MaxStringLength { get; init; } = 1024 * 1024;

    /// <summary>
    /// The largest <c>count</c> of a rolling-window limit or cap (spec v1.1 §7); past it, error WOM3073. A rolling window
    /// keeps the latest <c>count</c> firing times of each participant it limits, so this bounds that memory. Default 1,000.
    /// </summary>
    public int MaxRollingLimitCount { get; init; } = 1000;

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
