using System.Text;

namespace WomRules.Cli;

/// <summary>'-' in place of a file: standard input, read with the same size limit as a file.</summary>
internal static class StandardInput
{
    public const string Argument = "-";

    /// <summary>How standard input is named in diagnostics and messages; without an extension, so its form is sniffed.</summary>
    public const string DisplayName = "<stdin>";

    /// <summary>
    /// Reads a campaign text from standard input: null with <paramref name="length"/> set when it is longer than
    /// <paramref name="maxBytes"/> (the rest is read and counted, not held, so memory stays bounded).
    /// </summary>
    public static string? ReadCampaign(CliConsole console, int maxBytes, out long length)
    {
        using var input = console.OpenInput();
        using var held = new MemoryStream();
        var buffer = new byte[64 * 1024];
        length = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            length += read;
            if (length <= maxBytes)
            {
                held.Write(buffer, 0, read);
            }
        }

        if (length > maxBytes)
        {
            return null;
        }

        // As File.ReadAllText: UTF-8 unless a byte order mark says otherwise.
        using var reader = new StreamReader(new MemoryStream(held.GetBuffer(), 0, (int)held.Length), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
