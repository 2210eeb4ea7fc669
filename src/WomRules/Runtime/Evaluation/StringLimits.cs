namespace WomRules.Runtime;

/// <summary>
/// The run-time cap on strings an expression builds (issue 10, defect 6): each result at most <see cref="MaxLength"/>
/// characters, and one evaluation of one expression at most <see cref="MaxPerEvaluation"/> characters in all, counted
/// in <see cref="EvaluationContext.BuiltCharacters"/>. Checked before allocating, so a refused string is never built.
/// </summary>
internal sealed record StringLimits(int MaxLength, long MaxPerEvaluation)
{
    public static StringLimits From(CompilationOptions options) =>
        new(options.MaxStringLength, (long)Math.Max(options.MaxStringGrowth, 1) * options.MaxStringLength);

    /// <summary>Counts a string of <paramref name="length"/> characters about to be built, or throws.</summary>
    public void Charge(EvaluationContext context, long length)
    {
        if (length > MaxLength)
        {
            throw new StringTooLongException($"A string of {length} characters is longer than the limit of {MaxLength}.");
        }

        context.BuiltCharacters += length;
        if (context.BuiltCharacters > MaxPerEvaluation)
        {
            throw new StringTooLongException($"The expression built more than {MaxPerEvaluation} characters of strings.");
        }
    }
}
