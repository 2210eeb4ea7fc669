using System.Collections.Frozen;
using Microsoft.CodeAnalysis;
using WomRules.CSharp.Generation;

namespace WomRules.CSharp.Checking;

/// <summary>
/// Which symbols a C# rule may touch: the generated globals, <c>System.Math</c>, string members that cannot allocate
/// without bound, a few constants, and the operators and conversions of the primitive types. Everything else, including
/// every member inherited from <c>object</c> (<c>GetType</c> leads to reflection), is refused.
/// </summary>
internal sealed class SymbolAllowList(GeneratedNames generated)
{
    // Types that may be named (as 'Math.Abs', 'long.MaxValue', 'StringComparison.Ordinal') or that operators live on.
    private static readonly FrozenSet<SpecialType> PrimitiveTypes = new[]
    {
        SpecialType.System_String, SpecialType.System_Int64, SpecialType.System_Int32, SpecialType.System_Decimal,
        SpecialType.System_Double, SpecialType.System_Boolean, SpecialType.System_Char,
    }.ToFrozenSet();

    private static readonly FrozenSet<string> NamedTypes = new[]
    {
        "System.Math", "System.StringComparison", "System.MidpointRounding",
    }.ToFrozenSet(StringComparer.Ordinal);

    // String members that return a value no longer than their inputs. Not PadLeft/PadRight, Replace, Insert, Join,
    // Format, Concat, Split, ToCharArray, Normalize or the constructors: those allocate in proportion to an argument.
    private static readonly FrozenSet<string> StringMethods = new[]
    {
        "Contains", "StartsWith", "EndsWith", "IndexOf", "LastIndexOf", "ToLowerInvariant", "ToUpperInvariant",
        "Trim", "TrimStart", "TrimEnd", "Substring", "IsNullOrEmpty", "IsNullOrWhiteSpace", "Equals", "Compare",
        "CompareOrdinal", "CompareTo",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> CharMethods = new[]
    {
        "IsDigit", "IsLetter", "IsLetterOrDigit", "IsWhiteSpace", "IsUpper", "IsLower", "ToUpperInvariant", "ToLowerInvariant",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NumericConstants = new[] { "MaxValue", "MinValue", "Zero", "One", "MinusOne", "Empty" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Globals = new[] { "Event", "Participant", "Referrer" }.ToFrozenSet(StringComparer.Ordinal);

    public bool IsAllowed(ISymbol symbol) => symbol switch
    {
        INamespaceSymbol ns => ns.ToDisplayString() == "System",
        INamedTypeSymbol type => IsAllowedType(type),
        IPropertySymbol property => IsAllowedProperty(property),
        IFieldSymbol field => IsAllowedField(field),
        IMethodSymbol method => IsAllowedMethod(method),
        _ => false,
    };

    /// <summary>Operators and conversions: built in, or defined by a primitive type (decimal's operators are methods).</summary>
    public static bool IsAllowedOperator(IMethodSymbol? method) =>
        method is null || method.MethodKind == MethodKind.BuiltinOperator || PrimitiveTypes.Contains(method.ContainingType.SpecialType);

    private bool IsAllowedType(INamedTypeSymbol type) =>
        PrimitiveTypes.Contains(type.SpecialType) || NamedTypes.Contains(Name(type)) || Name(type) == generated.TiersType;

    private bool IsAllowedProperty(IPropertySymbol property)
    {
        var owner = Name(property.ContainingType);
        if (generated.ViewTypes.Contains(owner))
        {
            return property.DeclaredAccessibility == Accessibility.Public;
        }

        if (generated.ScopeTypes.Contains(owner))
        {
            return Globals.Contains(property.Name);
        }

        var definition = property.OriginalDefinition;
        return (property.ContainingType.SpecialType == SpecialType.System_String && property.Name is "Length" or "Chars" or "this[]")
            || (Name(definition.ContainingType) == "System.Collections.Generic.IReadOnlyList<T>" && definition.IsIndexer)
            || (Name(definition.ContainingType) == "System.Collections.Generic.IReadOnlyCollection<T>" && definition.Name == "Count");
    }

    private bool IsAllowedField(IFieldSymbol field)
    {
        var owner = field.ContainingType;
        var name = Name(owner);
        return name == "System.Math"
            || (name == generated.TiersType && field.IsConst)
            || (owner.TypeKind == TypeKind.Enum && NamedTypes.Contains(name))
            || (PrimitiveTypes.Contains(owner.SpecialType) && field.IsStatic && NumericConstants.Contains(field.Name));
    }

    private bool IsAllowedMethod(IMethodSymbol method)
    {
        // The scope's own function (spec v1.1 §8); its other members are properties.
        if (generated.ScopeTypes.Contains(Name(method.ContainingType)))
        {
            return method.Name == "SharesIdentity";
        }

        if (method.MethodKind is MethodKind.BuiltinOperator or MethodKind.UserDefinedOperator or MethodKind.Conversion)
        {
            return IsAllowedOperator(method);
        }

        // List membership: Event.Tags.Contains("x") binds to the extension Enumerable.Contains(source, value).
        var reduced = (method.ReducedFrom ?? method).OriginalDefinition;
        if (Name(reduced.ContainingType) == "System.Linq.Enumerable")
        {
            return reduced.Name == "Contains" && reduced.Parameters.Length == 2;
        }

        if (method.IsGenericMethod)
        {
            return false;
        }

        var owner = method.ContainingType;
        return Name(owner) == "System.Math"
            || (owner.SpecialType == SpecialType.System_String && StringMethods.Contains(method.Name))
            || (owner.SpecialType == SpecialType.System_Char && CharMethods.Contains(method.Name))
            || (PrimitiveTypes.Contains(owner.SpecialType) && method.Name == "ToString" && method.Parameters.IsEmpty);
    }

    private static string Name(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.None));
}
