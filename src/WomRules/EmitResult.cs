using System.Collections.Immutable;
using WomRules.Diagnostics;

namespace WomRules;

/// <summary>The result of <see cref="CampaignCompilation.Emit"/>: the compiled campaign, or the diagnostics that stopped it.</summary>
public sealed class EmitResult
{
    internal EmitResult(CompiledCampaign? campaign, ImmutableArray<Diagnostic> diagnostics)
    {
        Campaign = campaign;
        Diagnostics = diagnostics;
    }

    /// <summary>True when the campaign compiled; <see cref="Campaign"/> is then not null.</summary>
    public bool Success => Campaign is not null;

    /// <summary>The compiled campaign, or null when the campaign has errors.</summary>
    public CompiledCampaign? Campaign { get; }

    /// <summary>All diagnostics, errors and warnings.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
