namespace WomRules.Emit;

/// <summary>How expressions run: compiled expression trees (the product), or the tree-walking reference (for agreement tests).</summary>
internal enum EvaluatorKind
{
    Compiled,
    Reference,
}
