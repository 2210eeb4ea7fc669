using WomRules.Diagnostics;

namespace WomRules.CSharp.Checking;

/// <summary>One reason to reject a C# expression: which diagnostic, where (offset and length in the expression text), and its arguments.</summary>
internal sealed record Violation(DiagnosticDescriptor Descriptor, int Start, int Length, params object?[] Arguments);
