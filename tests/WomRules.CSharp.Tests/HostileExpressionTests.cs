using WomRules.CSharp.Tests.Support;
using WomRules.Tests.Support;

namespace WomRules.CSharp.Tests;

/// <summary>
/// Hostile C# expressions: each is refused at compile time with a diagnostic at the construct or member that is not
/// allowed, and never runs. Expressions that could touch the file system name a sentinel path that must not appear.
/// </summary>
public sealed class HostileExpressionTests : IDisposable
{
    private const string Sentinel = "SENTINEL";
    private readonly string folder = Directory.CreateTempSubdirectory("womrules-csharp-").FullName;

    /// <summary>(expression, expected id, where it points: the first occurrence of this text, on this line of the expression).</summary>
    public static TheoryData<string, string, string, int> Hostile => new()
    {
        { """System.IO.File.Delete("SENTINEL")""", "WOM7006", "IO", 0 },
        { """System.IO.File.WriteAllText("SENTINEL", "x") == null""", "WOM7006", "IO", 0 },
        { """System.IO.File.Exists("SENTINEL")""", "WOM7006", "IO", 0 },
        { "Environment.Exit(0)", "WOM7006", "Environment", 0 },
        { """Environment.GetEnvironmentVariable("HOME") != null""", "WOM7006", "Environment", 0 },
        { "typeof(string).Assembly != null", "WOM7005", "typeof", 0 },
        { "new System.Net.WebClient() != null", "WOM7005", "new", 0 },
        { "((Func<int>)(() => 1))() > 0", "WOM7005", "Func<int>", 0 },
        { "AppDomain.CurrentDomain != null", "WOM7006", "AppDomain", 0 },
        { """System.Diagnostics.Process.Start("sh") != null""", "WOM7006", "Diagnostics", 0 },
        { "GC.Collect() == null", "WOM7006", "GC", 0 },
        { """Activator.CreateInstance("System.Private.CoreLib", "System.Object") != null""", "WOM7006", "Activator", 0 },
        { "new string('x', int.MaxValue).Length > 0", "WOM7005", "new", 0 },
        { "Event.Text.GetType().Assembly.Location.Length > 0", "WOM7006", "GetType", 0 },
        { "Event.GetHashCode() > 0", "WOM7006", "GetHashCode", 0 },
        { """nameof(System.IO.File) == "File" """, "WOM7005", "nameof", 0 },
        { "default(System.IO.FileInfo) == null", "WOM7005", "default", 0 },
        { "Event.Rating > default", "WOM7005", "default", 0 },
        { "checked(long.MaxValue + Event.Rating) > 0", "WOM7005", "checked", 0 },
        { "unchecked(Event.Rating * 4000000000000000000) > 0", "WOM7005", "unchecked", 0 },
        { "Event.Text.PadLeft(1000000000).Length > 0", "WOM7006", "PadLeft", 0 },
        { """Event.Text.Replace("a", "aaaaaaaa").Length > 0""", "WOM7006", "Replace", 0 },
        { """string.Format("{0,1000000000}", 1).Length > 0""", "WOM7006", "Format", 0 },
        { """string.Concat(Event.Text, Event.Text).Length > 0""", "WOM7006", "Concat", 0 },
        { """$"{Event.Text,1000000000}".Length > 0""", "WOM7005", "$", 0 },
        { "(dynamic)Event.Rating > 0", "WOM7005", "dynamic", 0 },
        { "(object)Event.Rating != null", "WOM7005", "object", 0 },
        { "Event.Rating++ > 0", "WOM7005", "Event.Rating++", 0 },
        { "(Event.Rating = 5) > 0", "WOM7005", "Event.Rating = 5", 0 },
        { """true; System.IO.File.Delete("SENTINEL")""", "WOM7003", ";", 0 },
        { """Event.Rating > 0) || System.IO.File.Exists("SENTINEL""", "WOM7003", ")", 0 },
        { "#r \"System.Net.dll\"\ntrue", "WOM7004", "#r", 0 },
        { "#load \"evil.csx\"\ntrue", "WOM7004", "#load", 0 },
        { "true\n#if DEBUG\n|| false\n#endif", "WOM7004", "#if", 1 },
        { "System.Threading.Thread.CurrentThread != null", "WOM7006", "Threading", 0 },
        { """Event.Tags.Any(t => t == "x")""", "WOM7005", "t =>", 0 },
        { """Event.Tags.First() == "x" """, "WOM7006", "First", 0 },
        { """global::System.IO.File.Exists("SENTINEL")""", "WOM7005", "global::System", 0 },
        { "Event.Text[^1] == 'x'", "WOM7005", "^1", 0 },
        { "System.Runtime.CompilerServices.Unsafe.SizeOf<int>() > 0", "WOM7005", "SizeOf<int>", 0 },
        { "Math.BigMul(1L, 2L, out long low) > 0", "WOM7005", "out long low", 0 },
        { "Expression0()", "WOM7006", "Expression0", 0 },
        { "Participant.Equals(Referrer)", "WOM7006", "Equals", 0 },
        { """Event.Text is string s && s.Length > 0""", "WOM7005", "Event.Text is string s", 0 },
        { """Event.Text == "" ? throw null : true""", "WOM7005", "throw null", 0 },
        { """Console.ReadLine() == "" """, "WOM7007", "Console", 0 }, // System.Console is not even referenced
        { "__makeref(Event) != null", "WOM7005", "__makeref", 0 },
        { """Event.Tags.Select(t => t).Count() > 0""", "WOM7005", "t => t", 0 },
        { """WomRules.Runtime.BuiltIns.Discloses(Event.Text, null, 0)""", "WOM7006", "WomRules", 0 },
        { """System.Reflection.Assembly.Load("x") != null""", "WOM7006", "Reflection", 0 },
        { "stackalloc int[1000000000].Length > 0", "WOM7005", "stackalloc", 0 },
    };

    [Fact]
    public void The_table_holds_at_least_30_hostile_expressions() => Hostile.Count.Should().BeGreaterThanOrEqualTo(30);

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_expression_is_rejected_at_its_position_and_never_runs(string expression, string id, string at, int lineOfExpression)
    {
        var sentinel = Path.Combine(folder, "sentinel.txt");
        expression = expression.Replace(Sentinel, sentinel.Replace("\\", "\\\\", StringComparison.Ordinal), StringComparison.Ordinal);
        var line = expression.Split('\n')[lineOfExpression];
        var expected = $"{CSharpCampaigns.WhenLine + lineOfExpression}:{CSharpCampaigns.WhenColumn + line.IndexOf(at, StringComparison.Ordinal)} {id}";
        line.Should().Contain(at, "the table names where the diagnostic must point");

        var compilation = CSharpCampaigns.Compile(CSharpCampaigns.WithWhen(expression));
        var diagnostics = compilation.GetDiagnostics().Select(d => $"{d.Line}:{d.Column} {d.Id}").ToList();

        diagnostics.Should().Equal([expected], because: string.Join("\n", compilation.GetDiagnostics()));
        compilation.Emit().Success.Should().BeFalse();
        File.Exists(sentinel).Should().BeFalse("a rejected expression must never run");
    }

    [Fact]
    public void The_sentinel_would_show_execution_an_allowed_expression_runs_and_is_observed()
    {
        // The control for the table above: an expression that is allowed does run, and its effect is visible.
        var runner = new CampaignRunner(CSharpCampaigns.WithWhen("Event.Text.Length > 3"), CSharpCampaigns.Options);
        runner.Run(CSharpCampaigns.Review("e-1", 5, "long enough")).Should().Contain(o => o.Contains("\"points\":10", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
