namespace WomRules.Parsing;

/// <summary>The input limits the readers enforce (spec §9).</summary>
internal sealed record ReaderLimits(int MaxFileSize = 16 * 1024 * 1024, int MaxScalarLength = 64 * 1024, int MaxNestingDepth = 256)
{
    /// <summary>The limits a compilation's options set.</summary>
    public static ReaderLimits From(CompilationOptions options) => new(options.MaxFileSize, options.MaxScalarLength, options.MaxNestingDepth);
}
