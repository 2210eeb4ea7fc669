using WomRules.Diagnostics;
using WomRules.Runtime;
using WomRules.Syntax;

namespace WomRules.Binding;

/// <summary>
/// The campaign's default marker list (spec v1.1 §9): the built-in defaults with 'add' appended and then 'remove'
/// taken out, both compared case-insensitively (ordinal ignore-case, as markers match). So a marker both added and
/// removed is removed. Without changes the result is <see cref="BuiltIns.DefaultMarkers"/> itself, whose matcher is shared.
/// </summary>
internal static class DisclosureMarkers
{
    public static string[] Bind(MarkersSyntax? syntax, DiagnosticBag diagnostics)
    {
        if (syntax is null)
        {
            return BuiltIns.DefaultMarkers;
        }

        var markers = new List<string>(BuiltIns.DefaultMarkers);
        foreach (var add in syntax.Add)
        {
            if (string.IsNullOrWhiteSpace(add.Text))
            {
                diagnostics.Report(DiagnosticDescriptors.BlankMarker, add.Span);
                continue;
            }

            if (BuiltIns.AmbiguousMarkers.Contains(add.Text.ToLowerInvariant()))
            {
                diagnostics.Report(DiagnosticDescriptors.AmbiguousMarker, add.Span, add.Text);
            }

            var existing = markers.FindIndex(m => string.Equals(m, add.Text, StringComparison.OrdinalIgnoreCase));
            if (existing < 0)
            {
                markers.Add(add.Text);
            }
            else if (existing < BuiltIns.DefaultMarkers.Length)
            {
                diagnostics.Report(DiagnosticDescriptors.MarkerAlreadyDefault, add.Span, add.Text, markers[existing]);
            }
        }

        foreach (var remove in syntax.Remove)
        {
            if (markers.RemoveAll(m => string.Equals(m, remove.Text, StringComparison.OrdinalIgnoreCase)) == 0)
            {
                diagnostics.Report(DiagnosticDescriptors.MarkerNotPresent, remove.Span, remove.Text);
            }
        }

        return markers.SequenceEqual(BuiltIns.DefaultMarkers, StringComparer.Ordinal) ? BuiltIns.DefaultMarkers : [.. markers];
    }
}
