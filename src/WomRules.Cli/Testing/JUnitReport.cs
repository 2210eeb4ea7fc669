using System.Text;
using System.Xml;

namespace WomRules.Cli.Testing;

/// <summary>
/// <c>womrules test --format junit</c>: the cases as JUnit XML for CI dashboards. One testsuite per scenario file,
/// one testcase per case; a failure's message is its first line and its body everything the text format printed for
/// it (the problems and the unified diff).
/// </summary>
internal sealed class JUnitReport
{
    private readonly List<Case> cases = [];

    public sealed record Case(string Suite, string Name, string? Failure, string Details);

    public void Add(Case @case) => cases.Add(@case);

    public void Write(TextWriter output)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartElement("testsuites");
            writer.WriteAttributeString("name", "womrules");
            writer.WriteAttributeString("tests", Count(cases));
            writer.WriteAttributeString("failures", Count(cases.Where(c => c.Failure is not null)));
            foreach (var suite in cases.GroupBy(c => c.Suite, StringComparer.Ordinal))
            {
                writer.WriteStartElement("testsuite");
                writer.WriteAttributeString("name", Clean(suite.Key));
                writer.WriteAttributeString("tests", Count(suite));
                writer.WriteAttributeString("failures", Count(suite.Where(c => c.Failure is not null)));
                foreach (var @case in suite)
                {
                    writer.WriteStartElement("testcase");
                    writer.WriteAttributeString("classname", Clean(@case.Suite));
                    writer.WriteAttributeString("name", Clean(@case.Name));
                    if (@case.Failure is { } failure)
                    {
                        writer.WriteStartElement("failure");
                        writer.WriteAttributeString("message", Clean(failure));
                        writer.WriteString(Clean(@case.Details));
                        writer.WriteEndElement();
                    }

                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Write('\n');
    }

    private static string Count<T>(IEnumerable<T> items) => items.Count().ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot hold some characters at all (NUL, most controls, lone surrogates): they become U+FFFD.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text, i++, 2);
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return builder.ToString();
    }
}
