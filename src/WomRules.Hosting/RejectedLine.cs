namespace WomRules.Hosting;

/// <summary>A rejected event of a request: its line (1-based, counting blank lines), its id when it had one, and the engine's reason.</summary>
public sealed record RejectedLine(int Line, string? EventId, string Reason);
