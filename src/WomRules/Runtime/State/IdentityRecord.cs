namespace WomRules.Runtime;

/// <summary>One identity signal (spec v1.1 §8): the name of an identity attribute and a non-empty value it had.</summary>
internal readonly record struct IdentityRecord(string Attribute, string Value);
