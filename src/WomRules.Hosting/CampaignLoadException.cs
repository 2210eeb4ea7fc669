using System.Collections.Immutable;
using WomRules.Diagnostics;

namespace WomRules.Hosting;

/// <summary>
/// Start-up failed: a campaign has errors, two campaigns share an id, or a store would not open. Thrown by the host's
/// start (the runtime is a hosted service); every diagnostic is also logged (event id 1001).
/// </summary>
public sealed class CampaignLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CampaignLoadException()
        : this("The campaigns could not be loaded.", [])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CampaignLoadException(string message)
        : this(message, [])
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CampaignLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    /// <summary>Creates the exception with the diagnostics that caused it.</summary>
    public CampaignLoadException(string message, ImmutableArray<Diagnostic> diagnostics)
        : base(message)
    {
        Diagnostics = diagnostics;
    }

    /// <summary>The campaigns' error diagnostics (empty when the cause was not a compile error).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
