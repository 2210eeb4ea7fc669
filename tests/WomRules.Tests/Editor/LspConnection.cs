using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace WomRules.Tests.Editor;

/// <summary>
/// A minimal Language Server Protocol client over a process's stdio (JSON-RPC 2.0 with Content-Length framing): it
/// sends requests and notifications, answers the server's own requests (settings, registrations) and keeps the
/// diagnostics the server publishes, by document.
/// </summary>
internal sealed class LspConnection : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly Stream input;
    private readonly Func<JsonObject, JsonNode?> answerServer;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonArray>> diagnostics = new();
    private readonly StringBuilder errors = new();
    private readonly Thread reader;
    private readonly object writeLock = new();
    private int nextId;

    public LspConnection(Process process, Func<JsonObject, JsonNode?> answerServer)
    {
        this.process = process;
        this.answerServer = answerServer;
        input = process.StandardInput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        reader = new Thread(ReadLoop) { IsBackground = true, Name = "lsp-reader" };
        reader.Start();
    }

    /// <summary>What the server wrote to stderr so far, for failure messages.</summary>
    public string Errors
    {
        get
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    public async Task<JsonNode?> Request(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref nextId);
        var answer = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = answer;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await Within(answer.Task, $"an answer to {method}");
    }

    public void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Starts waiting for the next diagnostics of <paramref name="uri"/>; call before the change that causes them.</summary>
    public Task<JsonArray> NextDiagnostics(string uri)
    {
        var published = new TaskCompletionSource<JsonArray>(TaskCreationOptions.RunContinuationsAsynchronously);
        diagnostics[uri] = published;
        return Within(published.Task, "diagnostics of " + uri);
    }

    private async Task<T> Within<T>(Task<T> task, string what)
    {
        if (await Task.WhenAny(task, Task.Delay(Timeout)) != task)
        {
            throw new TimeoutException($"yaml-language-server sent no {what} within {Timeout.TotalSeconds} s. Its stderr:\n{Errors}");
        }

        return await task;
    }

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (writeLock)
        {
            input.Write(header);
            input.Write(body);
            input.Flush();
        }
    }

    private void ReadLoop()
    {
        var output = process.StandardOutput.BaseStream;
        try
        {
            while (ReadMessage(output) is { } message)
            {
                Dispatch(message);
            }
        }
        catch (IOException)
        {
            // The server ended; pending requests time out with its stderr.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void Dispatch(JsonObject message)
    {
        var hasId = message.TryGetPropertyValue("id", out var id) && id is not null;
        if (message["method"]?.GetValue<string>() is { } method)
        {
            if (hasId)
            {
                // A request of the server's own (workspace/configuration, client/registerCapability, …).
                Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id!.DeepClone(), ["result"] = answerServer(message) });
            }
            else if (method == "textDocument/publishDiagnostics" && message["params"]?["uri"]?.GetValue<string>() is { } uri
                && diagnostics.TryRemove(uri, out var waiting))
            {
                waiting.TrySetResult(message["params"]!["diagnostics"]!.AsArray());
            }

            return;
        }

        if (hasId && pending.TryRemove(id!.GetValue<int>(), out var answer))
        {
            if (message["error"] is { } error)
            {
                answer.TrySetException(new InvalidOperationException("yaml-language-server answered with an error: " + error.ToJsonString()));
            }
            else
            {
                answer.TrySetResult(message["result"]);
            }
        }
    }

    private static JsonObject? ReadMessage(Stream stream)
    {
        var length = -1;
        while (ReadHeaderLine(stream) is { } line)
        {
            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (length < 0)
        {
            return null;
        }

        var body = new byte[length];
        stream.ReadExactly(body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static string? ReadHeaderLine(Stream stream)
    {
        var line = new StringBuilder();
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return null;
            }

            if (b == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)b);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
    }
}
