namespace WomRules.Benchmarks.Cli;

internal static class CliEndToEnd
{
    public static int Run(string[] args) => throw new NotImplementedException();
}
