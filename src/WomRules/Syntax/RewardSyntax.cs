using System.Collections.Immutable;
using WomRules.Text;

namespace WomRules.Syntax;

/// <summary>One reward entry of a rule: a recipient and its effects, applied in the order points, credit, badge, counter, alert; points and credit may be pending.</summary>
internal sealed class RewardSyntax(
    SyntaxToken? to,
    ExpressionSyntax? points,
    ExpressionSyntax? credit,
    SyntaxToken? badge,
    SyntaxToken? counter,
    ExpressionSyntax? by,
    SyntaxToken? alert,
    TextSpan span,
    SyntaxToken? pending = null,
    SyntaxToken? alertSeverity = null,
    ImmutableArray<AlertDataSyntax> alertData = default) : SyntaxNode
{
    public SyntaxToken? To { get; } = to;

    public ExpressionSyntax? Points { get; } = points;

    public ExpressionSyntax? Credit { get; } = credit;

    public SyntaxToken? Badge { get; } = badge;

    public SyntaxToken? Counter { get; } = counter;

    public ExpressionSyntax? By { get; } = by;

    public SyntaxToken? Alert { get; } = alert;

    /// <summary>How long its points and credit are held before they can be spent (spec v1.1 §3), a duration.</summary>
    public SyntaxToken? Pending { get; } = pending;

    /// <summary>The alert's severity as written (spec v1.1 §6); null: medium.</summary>
    public SyntaxToken? AlertSeverity { get; } = alertSeverity;

    /// <summary>The alert's data entries in written order; empty when none.</summary>
    public ImmutableArray<AlertDataSyntax> AlertData { get; } = alertData.IsDefault ? [] : alertData;

    public override TextSpan Span { get; } = span;

    public override IEnumerable<SyntaxNode> Children => NonNull(To, Points, Credit, Badge, Counter, By, Alert, Pending, AlertSeverity).Concat(AlertData);
}
