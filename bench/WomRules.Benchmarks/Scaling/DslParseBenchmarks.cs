using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using WomRules.Diagnostics;
using WomRules.Parsing;
using WomRules.Text;

namespace WomRules.Benchmarks.Scaling;

/// <summary>
/// Parse speed of the text DSL (issue 3): a generated campaign of 1,000 and 10,000 rules (<see cref="DslCorpus"/>),
/// parsed to the syntax tree alone, and taken through the whole pipeline (parse, bind, emit).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 3)]
public class DslParseBenchmarks
{
    private SourceText source = new("", "corpus.wom");

    [Params(1_000, 10_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup() => source = new SourceText(DslCorpus.Generate(Rules), "corpus.wom");

    [Benchmark(Description = "parse only (DSL)")]
    public object? Parse_dsl()
    {
        var diagnostics = new DiagnosticBag(source);
        var syntax = DslCampaignParser.Parse(source, new ReaderLimits(), diagnostics);
        return diagnostics.ToImmutable().Any(d => d.IsError) ? throw new InvalidOperationException("the generated campaign has errors") : syntax;
    }

    [Benchmark(Description = "parse + bind + emit (DSL)")]
    public CompiledCampaign Compile_dsl() => BenchCampaigns.Compile(source.Text, "corpus.wom");
}
