namespace WomRules.Service;

/// <summary>The service's own settings (the "Service" section).</summary>
internal sealed class ServiceOptions
{
    /// <summary>The largest request body read, in bytes; a larger one is refused with 413 before it is held in memory.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
