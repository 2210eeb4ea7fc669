namespace WomRules.Binding;

/// <summary>
/// A compiled C# expression: a <c>Func&lt;EvaluationContext, bool | long | decimal&gt;</c>, and whether it reads the
/// <c>Referrer</c> global (such a rule does not fire without a referrer, as for <c>referrer.x</c>).
/// </summary>
internal sealed record CSharpCompiledExpression(Delegate Evaluate, bool ReadsReferrer);
