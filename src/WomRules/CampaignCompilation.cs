using System.Collections.Immutable;
using System.Text;
using WomRules.Binding;
using WomRules.Diagnostics;
using WomRules.Emit;
using WomRules.Parsing;
using WomRules.Syntax;
using WomRules.Text;

namespace WomRules;

/// <summary>
/// One campaign file taken through the pipeline: parse, bind, type-check. Immutable; <see cref="Emit"/> compiles it
/// to delegates when it has no errors. Nothing here throws on bad input: problems are diagnostics.
/// </summary>
/// <example>
/// <code>
/// var compilation = CampaignCompilation.Create(File.ReadAllText(path), path);
/// foreach (var d in compilation.GetDiagnostics()) Console.WriteLine(d);
/// var result = compilation.Emit();
/// </code>
/// </example>
public sealed class CampaignCompilation
{
    private readonly BoundCampaign? bound;
    private readonly ImmutableArray<Diagnostic> diagnostics;
    private CompiledCampaign? emitted;

    private CampaignCompilation(SourceText source, CompilationOptions options, CampaignSyntax? syntax, BoundCampaign? bound, ImmutableArray<Diagnostic> diagnostics)
    {
        Source = source;
        Options = options;
        Syntax = syntax;
        this.bound = bound;
        this.diagnostics = diagnostics;
    }

    /// <summary>The options this compilation was created with.</summary>
    public CompilationOptions Options { get; }

    /// <summary>The path given at creation, used in diagnostics.</summary>
    public string? Path => Source.Path;

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => diagnostics.Any(d => d.IsError);

    internal SourceText Source { get; }

    internal CampaignSyntax? Syntax { get; }

    internal BoundCampaign? Bound => bound;

    /// <summary>
    /// Parses and binds a campaign held in a string. <paramref name="path"/> names it in diagnostics and, unless
    /// <see cref="CompilationOptions.Format"/> says otherwise, picks the form: <c>.wom</c> is the DSL, <c>.yaml</c> and
    /// <c>.yml</c> YAML; without a path or with another extension, text that starts with <c>campaign &lt;id&gt;</c> is the
    /// DSL and anything else YAML.
    /// </summary>
    public static CampaignCompilation Create(string text, string? path = null, CompilationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= CompilationOptions.Default;
        var source = new SourceText(text, path);
        var bag = new DiagnosticBag(source);
        var format = options.Format ?? CampaignFormats.Detect(path, text);
        var syntax = CampaignParser.Parse(source, format, options, bag);
        BoundCampaign? bound = null;

        // A DSL file with syntax errors is not bound: a declaration that failed to parse would only cause follow-on errors.
        if (syntax is not null && !(format == CampaignFormat.Dsl && bag.HasErrors))
        {
            bound = Binder.Bind(syntax, bag, options);
        }

        return new CampaignCompilation(source, options, syntax, bound, bag.ToImmutable());
    }

    /// <summary>Reads and compiles a campaign file. An unreadable or oversized file is a diagnostic, not an exception.</summary>
    public static CampaignCompilation FromFile(string path, CompilationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= CompilationOptions.Default;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > options.MaxFileSize)
            {
                // Do not read a huge file into memory just to say it is too large.
                return TooLarge(path, info.Length, options);
            }

            return Create(File.ReadAllText(path, Encoding.UTF8), path, options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var bag = new DiagnosticBag(new SourceText("", path));
            bag.Report(DiagnosticDescriptors.FileUnreadable, default, ex.Message);
            return new CampaignCompilation(bag.Source, options, null, null, bag.ToImmutable());
        }
    }

    /// <summary>A campaign of <paramref name="length"/> bytes, past <see cref="CompilationOptions.MaxFileSize"/>: only its WOM0001.</summary>
    internal static CampaignCompilation TooLarge(string path, long length, CompilationOptions options)
    {
        var bag = new DiagnosticBag(new SourceText("", path));
        bag.Report(DiagnosticDescriptors.FileTooLarge, default, length, options.MaxFileSize);
        return new CampaignCompilation(bag.Source, options, null, null, bag.ToImmutable());
    }

    /// <summary>All diagnostics of parsing and binding, in source order.</summary>
    public ImmutableArray<Diagnostic> GetDiagnostics() => diagnostics;

    /// <summary>Compiles the campaign to delegates, once; later calls return the same compiled campaign.</summary>
    public EmitResult Emit()
    {
        if (bound is null || HasErrors)
        {
            return new EmitResult(null, diagnostics);
        }

        if (emitted is not null)
        {
            return new EmitResult(emitted, diagnostics);
        }

        // Compiled once; if two threads race, both results are equivalent and the first one wins.
        Interlocked.CompareExchange(ref emitted, CampaignEmitter.Emit(bound, Options.Evaluator, Runtime.StringLimits.From(Options)), null);
        return new EmitResult(emitted, diagnostics);
    }
}
