namespace WomRules.Diagnostics;

/// <summary>How serious a diagnostic is. Errors stop a campaign from being emitted.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; the campaign still compiles.</summary>
    Warning = 1,

    /// <summary>The campaign cannot be compiled until this is fixed.</summary>
    Error = 2,
}
