using System.Collections.Immutable;
using WomRules.Diagnostics;

namespace WomRules.Formatting;

/// <summary>The printed campaign, or null when the input has errors (then <see cref="Diagnostics"/> says why).</summary>
internal sealed record FormatResult(string? Text, ImmutableArray<Diagnostic> Diagnostics);
