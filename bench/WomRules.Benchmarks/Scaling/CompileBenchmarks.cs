using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace WomRules.Benchmarks.Scaling;

/// <summary>
/// Compile time (issue 4, part 3): parse, bind and emit a YAML campaign of 10 to 10,000 rules (the scaling campaign,
/// one condition and two amounts per rule). Each operation is one cold compilation of the whole text.
/// </summary>
/// <remarks>The DSL form is measured in <see cref="DslParseBenchmarks"/>.</remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 3)]
public class CompileBenchmarks
{
    private string yaml = "";

    [Params(10, 100, 1_000, 10_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup() => yaml = ScalingCampaign.Yaml(Rules);

    [Benchmark(Description = "parse + bind + emit (YAML)")]
    public CompiledCampaign Compile_yaml() => BenchCampaigns.Compile(yaml, "scaling.yaml");
}
