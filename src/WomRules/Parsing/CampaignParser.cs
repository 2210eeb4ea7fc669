using System.Text;
using WomRules.Diagnostics;
using WomRules.Syntax;
using WomRules.Text;

namespace WomRules.Parsing;

/// <summary>Reads a campaign file of either form into the one syntax tree that binding, emitting and formatting share.</summary>
internal static class CampaignParser
{
    /// <summary>Parses within the options' limits; an oversized text is a diagnostic and is not parsed at all.</summary>
    public static CampaignSyntax? Parse(SourceText source, CampaignFormat format, CompilationOptions options, DiagnosticBag diagnostics)
    {
        var byteCount = Encoding.UTF8.GetByteCount(source.Text);
        if (byteCount > options.MaxFileSize)
        {
            diagnostics.Report(DiagnosticDescriptors.FileTooLarge, default, byteCount, options.MaxFileSize);
            return null;
        }

        return Parse(source, format, ReaderLimits.From(options), diagnostics);
    }

    public static CampaignSyntax? Parse(SourceText source, CampaignFormat format, ReaderLimits limits, DiagnosticBag diagnostics)
    {
        if (format == CampaignFormat.Dsl)
        {
            return DslCampaignParser.Parse(source, limits, diagnostics);
        }

        // DSL text read as YAML (a .yaml name, or Format = Yaml) fails with YAML errors that say nothing useful; say what it is instead.
        var yaml = new DiagnosticBag(source);
        var syntax = YamlCampaignReader.Read(source, limits, yaml);
        if (yaml.HasErrors && CampaignFormats.DslCampaignLine(source.Text) is { } line)
        {
            diagnostics.Report(DiagnosticDescriptors.DslReadAsYaml, new TextSpan(line, 0));
            return null;
        }

        diagnostics.AddRange(yaml);
        return syntax;
    }
}
