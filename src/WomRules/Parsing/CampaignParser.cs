using WomRules.Diagnostics;
using WomRules.Syntax;
using WomRules.Text;

namespace WomRules.Parsing;

/// <summary>Reads a campaign file of either form into the one syntax tree that binding, emitting and formatting share.</summary>
internal static class CampaignParser
{
    public static CampaignSyntax? Parse(SourceText source, CampaignFormat format, ReaderLimits limits, DiagnosticBag diagnostics) =>
        format == CampaignFormat.Dsl
            ? DslCampaignParser.Parse(source, limits, diagnostics)
            : YamlCampaignReader.Read(source, limits, diagnostics);
}
