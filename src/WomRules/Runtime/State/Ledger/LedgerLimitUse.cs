namespace WomRules.Runtime;

/// <summary>One firing counted against a rule's limit: whose, which rule, which window (a reversal releases it).</summary>
internal readonly record struct LedgerLimitUse(string Participant, string Rule, string Window);
