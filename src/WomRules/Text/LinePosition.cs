namespace WomRules.Text;

/// <summary>A 0-based line and character position; shown to users as 1-based.</summary>
internal readonly record struct LinePosition(int Line, int Character);
