namespace WomRules.Fuzzing;

/// <summary>A campaign the fuzzer starts from, in both forms, with events that exercise it and an optional initial state.</summary>
internal sealed record CampaignSeed(string Name, byte[] Yaml, byte[] Dsl, byte[] Events, byte[]? State);
