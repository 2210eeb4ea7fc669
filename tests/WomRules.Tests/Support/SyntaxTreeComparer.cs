using System.Collections;
using System.Reflection;
using WomRules.Syntax;
using WomRules.Text;

namespace WomRules.Tests.Support;

/// <summary>
/// Compares two syntax trees structurally, ignoring positions: same node types, same token texts and literal values,
/// and the same property holding each child (so points and credit cannot be confused). Iterative, so deep trees are fine.
/// </summary>
internal static class SyntaxTreeComparer
{
    /// <summary>Null when equal; otherwise the path to the first difference and what differs.</summary>
    public static string? Difference(SyntaxNode? expected, SyntaxNode? actual)
    {
        var work = new Stack<(object? Expected, object? Actual, string Path)>();
        work.Push((expected, actual, "campaign"));
        while (work.Count > 0)
        {
            var (e, a, path) = work.Pop();
            if (e is null || a is null)
            {
                if (e is not null || a is not null)
                {
                    return $"{path}: expected {Show(e)}, got {Show(a)}";
                }

                continue;
            }

            if (e.GetType() != a.GetType())
            {
                return $"{path}: expected a {e.GetType().Name}, got a {a.GetType().Name}";
            }

            switch (e)
            {
                case string or bool or long or decimal:
                    if (!e.Equals(a))
                    {
                        return $"{path}: expected {Show(e)}, got {Show(a)}";
                    }

                    continue;
                case IEnumerable list when e is not SyntaxNode:
                {
                    var left = list.Cast<object?>().ToList();
                    var right = ((IEnumerable)a).Cast<object?>().ToList();
                    if (left.Count != right.Count)
                    {
                        return $"{path}: expected {left.Count} items, got {right.Count}";
                    }

                    for (var i = left.Count - 1; i >= 0; i--)
                    {
                        work.Push((left[i], right[i], $"{path}[{i}]"));
                    }

                    continue;
                }
            }

            foreach (var property in Properties(e.GetType()).Reverse())
            {
                work.Push((Unwrap(property.GetValue(e)), Unwrap(property.GetValue(a)), $"{path}.{property.Name}"));
            }
        }

        return null;
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name is not (nameof(SyntaxNode.Span) or nameof(SyntaxNode.Children)) && p.PropertyType != typeof(TextSpan))
            .OrderBy(p => p.MetadataToken);

    /// <summary>An ImmutableArray boxed from a nullable property, or a default one, compared as a list (null stays null).</summary>
    private static object? Unwrap(object? value) =>
        value is not null && value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
            && (bool)value.GetType().GetProperty("IsDefault")!.GetValue(value)! ? Array.Empty<object>() : value;

    private static string Show(object? value) => value switch
    {
        null => "nothing",
        SyntaxToken token => $"'{token.Text}'",
        string s => $"\"{s}\"",
        _ => value.ToString() ?? value.GetType().Name,
    };
}
