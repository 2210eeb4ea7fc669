using WomRules.Parsing;

namespace WomRules.Cli;

/// <summary><c>womrules schema</c>: prints the JSON Schema (draft-07) of the YAML campaign form, the same text as schema/womrules.schema.json.</summary>
internal static class SchemaCommand
{
    public static int Run(string[] args, TextWriter stdout)
    {
        if (args.Length != 0)
        {
            throw new UsageException("schema takes no arguments.");
        }

        stdout.Write(JsonSchemaWriter.Write());
        return ExitCodes.Success;
    }
}
