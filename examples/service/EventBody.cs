using System.Text;

namespace WomRules.Service;

/// <summary>A POSTed events body: one JSON event, or JSONL lines. Read with a size bound, decoded as strict UTF-8.</summary>
internal static class EventBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsJsonLines(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/x-jsonlines", StringComparison.OrdinalIgnoreCase));

    public static bool IsJson(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body as text, or null when it is longer than <paramref name="limit"/> bytes (only limit + 1 bytes are ever held).</summary>
    public static async Task<string?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>JSONL lines: split on LF, a trailing CR dropped (blank lines are kept, so line numbers match the body's).</summary>
    public static List<string> Lines(string body)
    {
        var lines = new List<string>();
        foreach (var range in body.AsSpan().Split('\n'))
        {
            var line = body.AsSpan(range);
            lines.Add((line.EndsWith("\r") ? line[..^1] : line).ToString());
        }

        // A final newline ends the last line; it does not start an empty one.
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }
}
