namespace WomRules.Fuzzing;

/// <summary>Runs one womrules command line with the per-invocation time limit.</summary>
internal interface ICli
{
    CliResult Run(params string[] args);
}
