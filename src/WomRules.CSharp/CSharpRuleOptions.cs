namespace WomRules.CSharp;

/// <summary>Turns on C# rules (<c>lang: csharp</c>, spec §8) for a compilation.</summary>
/// <example>
/// <code>
/// var compilation = CampaignCompilation.FromFile(path, CompilationOptions.Default.WithCSharp());
/// </code>
/// </example>
public static class CSharpRuleOptions
{
    /// <summary>
    /// Returns a copy of <paramref name="options"/> with <see cref="CompilationOptions.AllowCSharp"/> set and the C# rule
    /// compiler plugged in. Only an allow-list of members may be used in C# rules; see docs/csharp.md. This is not a
    /// security boundary against someone who controls the host's options or process.
    /// </summary>
    public static CompilationOptions WithCSharp(this CompilationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with { AllowCSharp = true, CSharpCompiler = CSharpRuleCompiler.Instance };
    }
}
