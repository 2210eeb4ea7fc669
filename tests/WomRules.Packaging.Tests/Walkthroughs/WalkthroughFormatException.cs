namespace WomRules.Packaging.Tests.Walkthroughs;

/// <summary>A page whose walkthrough markers the runner cannot follow; the message names the line.</summary>
public sealed class WalkthroughFormatException(string message) : Exception(message);
