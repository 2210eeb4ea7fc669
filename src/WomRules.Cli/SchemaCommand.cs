using WomRules.Parsing;
using WomRules.Testing;

namespace WomRules.Cli;

/// <summary>
/// <c>womrules schema [--scenario]</c>: prints the JSON Schema (draft-07) of the YAML campaign form, the same text as
/// schema/womrules.schema.json; with <c>--scenario</c>, that of scenario files (schema/womrules-tests.schema.json).
/// </summary>
internal static class SchemaCommand
{
    public static string Scenario => JsonSchemaWriter.Write(ScenarioShape.File);

    public static int Run(bool scenario, TextWriter stdout)
    {
        stdout.Write(scenario ? Scenario : JsonSchemaWriter.Write());
        return ExitCodes.Success;
    }
}
