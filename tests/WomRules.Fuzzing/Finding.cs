namespace WomRules.Fuzzing;

/// <summary>One property that one command broke on one input.</summary>
internal sealed record Finding(string Property, string Command, string Detail)
{
    public override string ToString() => $"{Property}: {Command}: {Detail}";
}
