namespace WomRules.Fuzzing;

/// <summary>What a case mutates.</summary>
internal enum FuzzTarget
{
    YamlCampaign,
    DslCampaign,
    Events,
    State,
}
