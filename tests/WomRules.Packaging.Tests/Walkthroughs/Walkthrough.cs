namespace WomRules.Packaging.Tests.Walkthroughs;

/// <summary>The blocks of one named walkthrough of a page, in document order.</summary>
public sealed class Walkthrough
{
    public Walkthrough(string name, IReadOnlyList<WalkthroughBlock> blocks)
    {
        Name = name;
        Blocks = blocks;
        Run = Single(WalkthroughBlockKind.Run) ?? throw Invalid("has no 'run' block");
        Output = Single(WalkthroughBlockKind.Output) ?? throw Invalid("has no 'output' block, so its run would check nothing");
        Request = Single(WalkthroughBlockKind.Request);
        if (ExpectedLines.Count == 0)
        {
            throw Invalid($"has an empty 'output' block (line {Output.Line})");
        }

        var late = blocks.FirstOrDefault(b => b.Kind is WalkthroughBlockKind.Shell or WalkthroughBlockKind.File && b.Line > Run.Line);
        if (late is not null)
        {
            throw Invalid($"has a '{late.Kind.ToString().ToLowerInvariant()}' block (line {late.Line}) after its 'run' block (line {Run.Line}); setup comes first");
        }
    }

    public string Name { get; }

    public IReadOnlyList<WalkthroughBlock> Blocks { get; }

    /// <summary>Shell and file blocks, in document order: they set the app up before the run.</summary>
    public IEnumerable<WalkthroughBlock> Setup => Blocks.Where(b => b.Kind is WalkthroughBlockKind.Shell or WalkthroughBlockKind.File);

    public WalkthroughBlock Run { get; }

    public WalkthroughBlock Output { get; }

    public WalkthroughBlock? Request { get; }

    /// <summary>The non-empty lines of the output block, trimmed: each must appear in the checked output.</summary>
    public IReadOnlyList<string> ExpectedLines => Output.Content.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    public override string ToString() => Name;

    private WalkthroughBlock? Single(WalkthroughBlockKind kind)
    {
        var found = Blocks.Where(b => b.Kind == kind).ToList();
        return found.Count <= 1
            ? found.SingleOrDefault()
            : throw Invalid($"has {found.Count} '{kind.ToString().ToLowerInvariant()}' blocks (lines {string.Join(", ", found.Select(b => b.Line))}); it may have one");
    }

    private WalkthroughFormatException Invalid(string problem) => new($"walkthrough '{Name}' {problem}");
}
