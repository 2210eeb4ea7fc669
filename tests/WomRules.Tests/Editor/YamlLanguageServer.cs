using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using WomRules.Tests.Support;

namespace WomRules.Tests.Editor;

/// <summary>
/// The real yaml-language-server (the server of VS Code's YAML extension), pinned in tests/editor/package.json and
/// package-lock.json and installed there by <c>npm ci</c> when missing, started once for all the editor tests and
/// driven over stdio as an editor would. It needs Node.js 20 or later and npm: without them the tests fail, saying so.
/// </summary>
public sealed class YamlLanguageServer : IAsyncLifetime
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "editor");
    private static readonly string ServerScript = Path.Combine(Folder, "node_modules", "yaml-language-server", "bin", "yaml-language-server");

    /// <summary>The settings a marketer's VS Code would send; no schema store, so no network and no other schema.</summary>
    private static readonly JsonObject Settings = new()
    {
        ["validate"] = true,
        ["hover"] = true,
        ["completion"] = true,
        ["format"] = new JsonObject { ["enable"] = false },
        ["schemaStore"] = new JsonObject { ["enable"] = false },
    };

    private LspConnection? connection;
    private int version;

    private LspConnection Connection => connection ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ServerScript))
        {
            Install();
        }

        var process = Start("node", [ServerScript, "--stdio"], redirectInput: true);
        connection = new LspConnection(process, Answer);
        await Connection.Request("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(RepositoryPaths.Root).AbsoluteUri,
            ["capabilities"] = new JsonObject
            {
                ["textDocument"] = new JsonObject
                {
                    ["completion"] = new JsonObject { ["completionItem"] = new JsonObject { ["snippetSupport"] = true, ["documentationFormat"] = new JsonArray("markdown", "plaintext") } },
                    ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
                    ["publishDiagnostics"] = new JsonObject(),
                },
                ["workspace"] = new JsonObject { ["configuration"] = true },
            },
        });
        Connection.Notify("initialized", new JsonObject());
        Connection.Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["yaml"] = Settings.DeepClone() } });
    }

    public async Task DisposeAsync()
    {
        if (connection is null)
        {
            return;
        }

        try
        {
            await connection.Request("shutdown", null).WaitAsync(TimeSpan.FromSeconds(5));
            connection.Notify("exit", null);
        }
        catch (Exception e) when (e is TimeoutException or IOException or InvalidOperationException)
        {
            // Killed below.
        }

        connection.Dispose();
    }

    /// <summary>
    /// Opens <paramref name="text"/> as a document in the folder of <paramref name="path"/> (which need not exist),
    /// so that a modeline's relative path resolves from there, and returns its diagnostics. Each document gets a name
    /// of its own: the server clears a closed document's diagnostics, which must not be taken for the next one's.
    /// </summary>
    public async Task<(string Uri, JsonArray Diagnostics)> Open(string path, string text)
    {
        var number = Interlocked.Increment(ref version);
        var uri = new Uri(Path.Combine(Path.GetDirectoryName(path)!, $"{number}-{Path.GetFileName(path)}")).AbsoluteUri;
        var published = Connection.NextDiagnostics(uri);
        Connection.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = text },
        });
        return (uri, await published);
    }

    public void Close(string uri) =>
        Connection.Notify("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });

    public async Task<JsonArray> Complete(string uri, (int Line, int Character) at)
    {
        var result = await Connection.Request("textDocument/completion", Position(uri, at));
        return result switch
        {
            JsonArray items => items,
            JsonObject list => list["items"]!.AsArray(),
            _ => [],
        };
    }

    /// <summary>The hover's markdown, or null when the server shows none.</summary>
    public async Task<string?> Hover(string uri, (int Line, int Character) at)
    {
        var result = await Connection.Request("textDocument/hover", Position(uri, at));
        return result?["contents"] switch
        {
            JsonObject markup => markup["value"]!.GetValue<string>(),
            JsonValue plain => plain.GetValue<string>(),
            _ => null,
        };
    }

    private static JsonObject Position(string uri, (int Line, int Character) at) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = at.Line, ["character"] = at.Character },
    };

    private static JsonNode? Answer(JsonObject request) => request["method"]!.GetValue<string>() switch
    {
        "workspace/configuration" => new JsonArray([.. request["params"]!["items"]!.AsArray()
            .Select(item => item?["section"]?.GetValue<string>() == "yaml" ? Settings.DeepClone() : null)]),
        _ => null,
    };

    /// <summary><c>npm ci</c> in tests/editor: the exact versions of package-lock.json, into its git-ignored node_modules.</summary>
    private static void Install()
    {
        using var npm = Start("npm", ["ci", "--no-audit", "--no-fund"], redirectInput: false);
        var output = npm.StandardOutput.ReadToEndAsync();
        var error = npm.StandardError.ReadToEndAsync();
        if (!npm.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            npm.Kill(entireProcessTree: true);
            throw new InvalidOperationException("npm ci in tests/editor did not finish within 5 minutes.");
        }

        if (npm.ExitCode != 0 || !File.Exists(ServerScript))
        {
            throw new InvalidOperationException($"npm ci in tests/editor failed (exit {npm.ExitCode}); the editor tests need yaml-language-server from the npm registry.\n{output.Result}\n{error.Result}");
        }
    }

    private static Process Start(string program, string[] arguments, bool redirectInput)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException(program + " did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The editor tests (tests/WomRules.Tests/Editor) run yaml-language-server and need Node.js 20 or later and npm on the PATH, but '{program}' could not be started ({e.Message}). Install Node.js 20 or later with npm (docs/ci.md, editor support).", e);
        }
    }
}
