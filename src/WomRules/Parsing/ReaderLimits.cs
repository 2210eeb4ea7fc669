namespace WomRules.Parsing;

/// <summary>The input limits the readers enforce (spec §9).</summary>
internal sealed record ReaderLimits(int MaxFileSize = 16 * 1024 * 1024, int MaxScalarLength = 64 * 1024, int MaxNestingDepth = 256);
