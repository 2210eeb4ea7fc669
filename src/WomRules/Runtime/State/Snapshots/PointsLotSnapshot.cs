namespace WomRules.Runtime;

/// <summary>
/// Points of one grant still available under the campaign's <c>expiry</c> (spec v1.1 §4): <paramref name="Left"/> of
/// them expire at <paramref name="Expires"/>; <paramref name="Grant"/> is the grant's place in grant order.
/// </summary>
public sealed record PointsLotSnapshot(long Grant, DateTimeOffset Expires, long Left);
