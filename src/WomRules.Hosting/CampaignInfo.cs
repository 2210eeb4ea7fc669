namespace WomRules.Hosting;

/// <summary>A campaign and the version of it now running.</summary>
/// <param name="Id">The campaign id (its <c>campaign:</c> key).</param>
/// <param name="Revision">1 for the version loaded at start-up, one more for each reload swapped in.</param>
/// <param name="ContentHash">The first 16 hex digits of the SHA-256 of the campaign's text: the same text, the same hash.</param>
/// <param name="Path">The campaign file, or null for a campaign given as text.</param>
/// <param name="Rules">The rule names, in file order.</param>
public sealed record CampaignInfo(string Id, long Revision, string ContentHash, string? Path, IReadOnlyList<string> Rules);
