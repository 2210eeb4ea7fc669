namespace WomRules.Runtime;

/// <summary>One identity signal recorded against a participant (spec v1.1 §8): an identity attribute's name and a non-empty value it had.</summary>
public sealed record IdentityValueSnapshot(string Attribute, string Value);
