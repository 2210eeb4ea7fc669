using System.Runtime.CompilerServices;
using System.Text;
using WomRules.Syntax;

namespace WomRules.Formatting;

/// <summary>
/// Prints an expression in canonical spacing: one space around binary operators, none inside parentheses. Parentheses
/// are nodes of the tree, so printing and re-parsing give the same tree. Left-nested chains (<c>a + b + c…</c>,
/// <c>a.b.c…</c>) are walked in a loop, since a 64 KiB expression can nest thousands deep on the left.
/// </summary>
internal static class ExpressionWriter
{
    public static string Write(ExpressionSyntax expression)
    {
        var builder = new StringBuilder();
        Write(expression, builder);
        return builder.ToString();
    }

    private static void Write(ExpressionSyntax expression, StringBuilder b)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (expression)
        {
            case BinaryExpressionSyntax binary:
            {
                var spine = new Stack<BinaryExpressionSyntax>();
                ExpressionSyntax current = binary;
                while (current is BinaryExpressionSyntax next)
                {
                    spine.Push(next);
                    current = next.Left;
                }

                Write(current, b);
                while (spine.Count > 0)
                {
                    var node = spine.Pop();
                    b.Append(' ').Append(node.OperatorToken.Text).Append(' ');
                    Write(node.Right, b);
                }

                break;
            }

            case MemberAccessExpressionSyntax member:
            {
                var members = new Stack<SyntaxToken>();
                ExpressionSyntax current = member;
                while (current is MemberAccessExpressionSyntax next)
                {
                    members.Push(next.Member);
                    current = next.Target;
                }

                Write(current, b);
                while (members.Count > 0)
                {
                    b.Append('.').Append(members.Pop().Text);
                }

                break;
            }

            case UnaryExpressionSyntax unary:
                b.Append(unary.OperatorToken.Text);
                if (unary.OperatorToken.Text == "not")
                {
                    b.Append(' ');
                }

                Write(unary.Operand, b);
                break;
            case LiteralExpressionSyntax literal:
                b.Append(literal.Token.Text);
                break;
            case NameExpressionSyntax name:
                b.Append(name.Identifier.Text);
                break;
            case CallExpressionSyntax call:
                b.Append(call.Function.Text).Append('(');
                List(call.Arguments, b);
                b.Append(')');
                break;
            case ListExpressionSyntax list:
                b.Append('[');
                List(list.Elements, b);
                b.Append(']');
                break;
            case ParenthesizedExpressionSyntax parenthesized:
                b.Append('(');
                Write(parenthesized.Expression, b);
                b.Append(')');
                break;
            case IfExpressionSyntax conditional:
                b.Append("if ");
                Write(conditional.Condition, b);
                b.Append(" then ");
                Write(conditional.WhenTrue, b);
                b.Append(" else ");
                Write(conditional.WhenFalse, b);
                break;
            case CSharpExpressionSyntax csharp:
                b.Append(csharp.Code.Text);
                break;
            default:
                throw new InvalidOperationException($"Unknown expression node {expression.GetType().Name}.");
        }
    }

    private static void List(IEnumerable<ExpressionSyntax> items, StringBuilder b)
    {
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                b.Append(", ");
            }

            Write(item, b);
            first = false;
        }
    }
}
