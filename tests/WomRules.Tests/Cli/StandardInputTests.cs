using System.Text;
using WomRules.Cli;
using WomRules.Tests.Support;

namespace WomRules.Tests.Cli;

/// <summary>'-' as standard input: run's events, and the campaign of check, convert and fmt (its form sniffed from the text).</summary>
public sealed class StandardInputTests() : CliTestFolder("womrules-stdin-")
{
    private static string Example(string name, string file) => Path.Combine(RepositoryPaths.Examples, name, file);

    private static (int Exit, string Out, string Err) RunWithInput(Stream stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr, null, stdin);
        return (exit, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString());
    }

    private static (int Exit, string Out, string Err) RunWithInput(string stdin, params string[] args) =>
        RunWithInput(new MemoryStream(Encoding.UTF8.GetBytes(stdin)), args);

    [Theory]
    [InlineData("referral")]
    [InlineData("loyalty")]
    public void Run_reads_events_from_standard_input_as_from_the_file(string name)
    {
        var fromFile = Run("run", Example(name, "campaign.yaml"), Example(name, "events.jsonl"), "--summary");
        var fromInput = RunWithInput(File.OpenRead(Example(name, "events.jsonl")), "run", Example(name, "campaign.yaml"), "-", "--summary");
        fromInput.Exit.Should().Be(0);
        fromInput.Out.Should().Be(fromFile.Out).And.NotBeEmpty();
        fromInput.Err.Should().Be(fromFile.Err);
    }

    [Theory]
    [InlineData("campaign.yaml")]
    [InlineData("campaign.wom")]
    public void Check_convert_and_fmt_read_a_campaign_from_standard_input_in_either_form(string file)
    {
        var path = Example("reviews", file);
        var text = File.ReadAllText(path);

        var check = RunWithInput(text, "check", "-");
        check.Exit.Should().Be(0);
        check.Err.Should().Be("<stdin>: 0 error(s), 0 warning(s)" + Environment.NewLine);

        var to = file.EndsWith(".wom", StringComparison.Ordinal) ? "yaml" : "dsl";
        var converted = RunWithInput(text, "convert", "-", "--to", to);
        converted.Exit.Should().Be(0);
        converted.Out.Should().Be(Run("convert", path, "--to", to).Out);

        RunWithInput(text, "fmt", "--check", "-").Exit.Should().Be(0);
        RunWithInput(text, "fmt", "-").Out.Should().Be(Run("fmt", path).Out);
    }

    [Fact]
    public void Diagnostics_of_standard_input_name_it_stdin()
    {
        var (exit, output, _) = RunWithInput("campaign c\nrule r on e\n  wen x\n", "check", "-");
        exit.Should().Be(1);
        output.Should().StartWith("<stdin>(3,3): error WOM5001:");

        var messy = RunWithInput("campaign   c\nbudget 10 points\nevent e\n  n:int\nrule r on e\n  reward 1 points\n", "fmt", "--check", "-");
        messy.Exit.Should().Be(1);
        messy.Out.Should().Be("<stdin>: not formatted\n");
    }

    [Theory]
    [InlineData("fmt", "--write", "-")]
    [InlineData("fmt", "--check", "-", "x.wom")]
    [InlineData("run", "-", "events.jsonl")]
    [InlineData("run", "c.yaml", "-", "--state", "-")]
    [InlineData("run", "c.yaml", "-", "--save-state", "-")]
    public void Standard_input_where_it_makes_no_sense_is_bad_usage(params string[] args)
    {
        var (exit, output, error) = RunWithInput("", args);
        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain("usage:");
    }

    [Fact]
    public void A_campaign_on_standard_input_past_the_size_limit_is_WOM0001_without_holding_it()
    {
        var limit = CompilationOptions.Default.MaxFileSize;
        var (exit, output, _) = RunWithInput(new SpaceStream(limit + 100_000), "check", "-");
        exit.Should().Be(1);
        output.Should().Contain("error WOM0001").And.Contain($"{limit + 100_000} bytes");
        RunWithInput(new SpaceStream(limit + 1), "fmt", "-").Out.Should().Contain("error WOM0001");
    }

    [Fact]
    public void The_in_process_entry_point_reads_an_empty_standard_input_instead_of_the_host_console()
    {
        var (exit, output, error) = Run("run", Example("referral", "campaign.yaml"), "-");
        exit.Should().Be(0);
        output.Should().BeEmpty();
        error.Should().BeEmpty();
    }

    /// <summary>A read-only stream of spaces, of a given length, that holds nothing.</summary>
    private sealed class SpaceStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
