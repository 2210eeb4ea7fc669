namespace WomRules.Runtime;

/// <summary>
/// Points of one grant still available under the campaign's <c>expiry</c> (spec v1.1 §4): <see cref="Left"/> of them
/// expire at <see cref="Expires"/>. <see cref="Grant"/> is the grant's place in grant order, which orders expiries due
/// at one instant and names the lot in the queue.
/// </summary>
internal readonly record struct PointsLot(long Grant, DateTime Expires, long Left);
