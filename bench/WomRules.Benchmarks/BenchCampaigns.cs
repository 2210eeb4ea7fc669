namespace WomRules.Benchmarks;

/// <summary>Compiles the campaigns the benchmarks run; a campaign with errors stops the run with its diagnostics.</summary>
internal static class BenchCampaigns
{
    public static string EvaluatePath => Path.Combine(AppContext.BaseDirectory, "Campaigns", "evaluate.yaml");

    public static CompiledCampaign Evaluate() => Compile(File.ReadAllText(EvaluatePath), EvaluatePath);

    public static CompiledCampaign Compile(string text, string path)
    {
        var result = CampaignCompilation.Create(text, path).Emit();
        return result.Campaign
            ?? throw new InvalidOperationException("The benchmark campaign has errors:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
    }
}
