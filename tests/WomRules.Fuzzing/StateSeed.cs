namespace WomRules.Fuzzing;

/// <summary>A valid state file (written by <c>run --save-state</c> over the first half of a seed's events) and the rest of the events.</summary>
internal sealed record StateSeed(CampaignSeed Campaign, byte[] State, byte[] RestOfEvents);
