using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using WomRules.Benchmarks;

// dotnet run -c Release --project bench/WomRules.Benchmarks -- [--smoke | --quick | --hosting | --hosting-layer | --hosting-one VARIANT [events] | --cli [lines] | --sqlite [events]] [BenchmarkDotNet arguments]
if (args.Contains("--sqlite"))
{
    return WomRules.Benchmarks.Stores.SqliteThroughput.Run(args);
}

if (args.Contains("--cli"))
{
    return WomRules.Benchmarks.Cli.CliEndToEnd.Run(args);
}

if (Array.IndexOf(args, "--hosting-one") is var one and >= 0)
{
    var events = args.Length > one + 2 ? int.Parse(args[one + 2], System.Globalization.CultureInfo.InvariantCulture) : WomRules.Benchmarks.Hosting.HostingOverheadBenchmarks.EventCount;
    return WomRules.Benchmarks.Hosting.HostingQuickCompare.RunOne(args.Length > one + 1 ? args[one + 1] : "", events);
}

if (args.Contains("--hosting-layer"))
{
    return WomRules.Benchmarks.Hosting.HostingLayerCost.Run();
}

if (args.Contains("--hosting"))
{
    return WomRules.Benchmarks.Hosting.HostingQuickCompare.Run();
}

if (args.Contains("--quick"))
{
    return QuickCompare.Run();
}

var smoke = args.Contains("--smoke");
var rest = args.Where(a => a != "--smoke").ToArray();

// In process: the benchmarks need no generated project, so they run the same under the repository's
// warnings-as-errors build settings, and a run starts quicker on a shared machine.
var job = smoke
    ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)
    : Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance);
var config = DefaultConfig.Instance.AddJob(job.AsDefault());
if (smoke)
{
    config = config.WithOptions(ConfigOptions.DisableOptimizationsValidator);
}

if (rest.Length == 0)
{
    rest = ["--filter", "*"];
}

BenchmarkSwitcher.FromAssembly(typeof(BenchCampaigns).Assembly).Run(rest, config);
return 0;
