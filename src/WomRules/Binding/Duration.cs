using System.Globalization;
using WomRules.Diagnostics;
using WomRules.Syntax;

namespace WomRules.Binding;

/// <summary>
/// A duration of spec v1.1 (header): a whole number and one unit, <c>m</c>, <c>h</c>, <c>d</c> or <c>w</c>, more than
/// zero. Every key that takes a duration binds it here, so they all accept and report alike.
/// </summary>
internal static class Duration
{
    /// <summary>The longest duration accepted: far past any campaign, and small enough that adding it to a timestamp cannot overflow.</summary>
    private static readonly TimeSpan Longest = TimeSpan.FromDays(100 * 366);

    /// <summary>The duration the token denotes, or null after reporting why it is not one (WOM3050, WOM3051).</summary>
    public static TimeSpan? Bind(SyntaxToken token, DiagnosticBag diagnostics)
    {
        var text = token.Text.Trim();
        if (text.Length < 2 || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidDuration, token.Span, token.Text);
            return null;
        }

        var unit = text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            'w' => TimeSpan.FromDays(7),
            _ => TimeSpan.Zero,
        };
        if (unit == TimeSpan.Zero)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidDuration, token.Span, token.Text);
            return null;
        }

        if (count <= 0)
        {
            diagnostics.Report(DiagnosticDescriptors.DurationNotPositive, token.Span, token.Text, count == 0 ? "zero" : "negative");
            return null;
        }

        // Past the longest, the count is refused as not a usable duration rather than overflowing TimeSpan.
        if (count > Longest.Ticks / unit.Ticks)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidDuration, token.Span, token.Text);
            return null;
        }

        return TimeSpan.FromTicks(count * unit.Ticks);
    }
}
