namespace WomRules.Packaging.Tests.Walkthroughs;

/// <summary>What a marked fenced block of a walkthrough is for (the marker's second part).</summary>
public enum WalkthroughBlockKind
{
    /// <summary>Commands run in order as one bash script (set -e) in the walkthrough's folder.</summary>
    Shell,

    /// <summary>Contents written to a path relative to the walkthrough's folder.</summary>
    File,

    /// <summary>The final command: run to completion, or in the background when there is a request.</summary>
    Run,

    /// <summary>Lines that the output of the run (or of the request) must contain.</summary>
    Output,

    /// <summary>A command that succeeds once the app started by the run serves; its output is checked.</summary>
    Request,
}

/// <summary>
/// One fenced block of a markdown page, marked by <c>&lt;!-- walkthrough: NAME, KIND [PATH] --&gt;</c> on the line
/// before it (blank lines between are allowed).
/// </summary>
public sealed record WalkthroughBlock(string Walkthrough, WalkthroughBlockKind Kind, string? Path, string Content, int Line);
