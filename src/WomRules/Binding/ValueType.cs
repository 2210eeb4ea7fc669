namespace WomRules.Binding;

/// <summary>The static types of the campaign language. Runtime forms: long, decimal, bool, string, IReadOnlyList&lt;string&gt;, int (tier index).</summary>
internal enum ValueType
{
    Error,
    Int,
    Decimal,
    Bool,
    String,
    List,
    Tier,

    /// <summary>An instant (spec v1.1 §10). Runtime form: a UTC <see cref="DateTime"/>.</summary>
    Timestamp,

    /// <summary>
    /// An object of participant attribute values (the built-in <c>participant.updated</c>'s <c>attributes</c>, spec
    /// v1.1 §5); no expression has this type. Runtime form: <see cref="Runtime.AttributeAssignments"/>.
    /// </summary>
    Assignments,
}

internal static class ValueTypeExtensions
{
    public static string DisplayName(this ValueType type) => type switch
    {
        ValueType.Int => "int",
        ValueType.Decimal => "decimal",
        ValueType.Bool => "bool",
        ValueType.String => "string",
        ValueType.List => "list",
        ValueType.Tier => "tier",
        ValueType.Timestamp => "timestamp",
        ValueType.Assignments => "object of participant attributes",
        _ => "invalid value",
    };

    /// <summary>The display name after its article, "an int", "a decimal", for messages that name a type.</summary>
    public static string WithArticle(this ValueType type) => Text.Articles.A(type.DisplayName());

    public static bool IsNumeric(this ValueType type) => type is ValueType.Int or ValueType.Decimal;

    public static Type ClrType(this ValueType type) => type switch
    {
        ValueType.Int => typeof(long),
        ValueType.Decimal => typeof(decimal),
        ValueType.Bool => typeof(bool),
        ValueType.String => typeof(string),
        ValueType.List => typeof(IReadOnlyList<string>),
        ValueType.Tier => typeof(int),
        ValueType.Timestamp => typeof(DateTime),
        _ => typeof(object),
    };

    /// <summary>" (did you mean 'int'?)" for a type name of another language (integer, boolean, float…) or a misspelling; "" otherwise.</summary>
    public static string SuggestFor(string text, Diagnostics.DiagnosticBag diagnostics)
    {
        var meant = text.ToLowerInvariant() switch
        {
            "integer" or "long" or "int64" => "int",
            "number" or "float" or "double" or "money" or "currency" or "numeric" or "real" => "decimal",
            "boolean" or "yes/no" or "flag" => "bool",
            "text" or "str" or "char" or "varchar" => "string",
            "array" or "strings" or "tags" or "set" => "list",
            "datetime" or "date" or "time" or "instant" or "datetimeoffset" => "timestamp",
            _ => null,
        };
        return meant is null
            ? NameSuggestions.DidYouMean(diagnostics, text, ["int", "decimal", "bool", "string", "list", "timestamp"])
            : $" (did you mean '{meant}'?)";
    }

    public static bool TryParse(string text, out ValueType type)
    {
        type = text switch
        {
            "int" => ValueType.Int,
            "decimal" => ValueType.Decimal,
            "bool" => ValueType.Bool,
            "string" => ValueType.String,
            "list" => ValueType.List,
            "timestamp" => ValueType.Timestamp,
            _ => ValueType.Error,
        };
        return type != ValueType.Error;
    }
}
