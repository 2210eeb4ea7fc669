using WomRules.Packaging.Tests.Walkthroughs;
using WomRules.Tests.Support;

namespace WomRules.Packaging.Tests;

/// <summary>The markers of a walkthrough page, and the clear error for each one the runner could not follow.</summary>
public sealed class WalkthroughParserTests
{
    private const string Valid = """
        text
        <!-- walkthrough: demo, shell -->

        ```sh
        mkdir App
        cd App
        ```
        <!-- walkthrough: demo, file App/a.txt -->
        ````text
        ```
        inner fence kept
        ````
        <!-- walkthrough: demo, run -->
        ```bash
        cat App/a.txt
        ```
        <!-- walkthrough: demo, output -->
        ```
        inner fence kept

        ```
        """;

    [Fact]
    public void Blocks_are_read_in_document_order_with_their_contents_and_paths()
    {
        var walkthrough = WalkthroughParser.Parse(Valid).Should().ContainSingle().Subject;

        walkthrough.Name.Should().Be("demo");
        walkthrough.Blocks.Select(b => b.Kind).Should().Equal(
            WalkthroughBlockKind.Shell, WalkthroughBlockKind.File, WalkthroughBlockKind.Run, WalkthroughBlockKind.Output);
        walkthrough.Blocks[0].Content.Should().Be("mkdir App\ncd App\n");
        walkthrough.Blocks[1].Path.Should().Be("App/a.txt");
        walkthrough.Blocks[1].Content.Should().Be("```\ninner fence kept\n");
        walkthrough.Run.Line.Should().Be(13);
        walkthrough.ExpectedLines.Should().Equal("inner fence kept");
        walkthrough.Request.Should().BeNull();
    }

    [Fact]
    public void A_marker_shown_inside_an_unmarked_fenced_block_is_not_a_marker()
    {
        var markdown = "```markdown\n<!-- walkthrough: shown, run -->\n```\n" + Valid;

        WalkthroughParser.Parse(markdown).Select(w => w.Name).Should().Equal("demo");
    }

    [Fact]
    public void The_fixture_page_has_a_console_and_a_web_walkthrough()
    {
        var walkthroughs = WalkthroughParser.Parse(File.ReadAllText(FixturePage));

        walkthroughs.Select(w => w.Name).Should().Equal("console", "web");
        walkthroughs[1].Request.Should().NotBeNull();
        walkthroughs[1].Setup.Where(b => b.Kind == WalkthroughBlockKind.File).Select(b => b.Path).Should().Equal("ServiceApp/campaign.yaml", "ServiceApp/Program.cs");
    }

    [Theory]
    [InlineData("<!-- walkthrough: demo -->\n```sh\nx\n```\n", "line 1: a walkthrough marker reads")]
    [InlineData("<!-- walkthrough: demo, compile -->\n```sh\nx\n```\n", "line 1: unknown walkthrough block kind 'compile'")]
    [InlineData("<!-- walkthrough: demo, shell -->\ntext\n```sh\nx\n```\n", "line 1: the walkthrough marker must be followed by a fenced code block")]
    [InlineData("<!-- walkthrough: demo, file -->\n```cs\nx\n```\n", "line 1: a 'file' block names its path")]
    [InlineData("<!-- walkthrough: demo, file ../x.cs -->\n```cs\nx\n```\n", "must be relative to the walkthrough's folder and stay inside it")]
    [InlineData("<!-- walkthrough: demo, file /etc/x -->\n```cs\nx\n```\n", "must be relative to the walkthrough's folder and stay inside it")]
    [InlineData("<!-- walkthrough: demo, run App -->\n```sh\nx\n```\n", "line 1: only a 'file' block names a path")]
    [InlineData("<!-- walkthrough: demo, run -->\n```csharp\nx\n```\n", "line 2: a 'run' block is a ```sh block")]
    [InlineData("<!-- walkthrough: demo, run -->\n```sh\nx\n", "line 2: the fenced block is never closed")]
    [InlineData("<!-- walkthrough: demo, shell -->\n```sh\nx\n```\n", "walkthrough 'demo' has no 'run' block")]
    [InlineData("<!-- walkthrough: demo, run -->\n```sh\nx\n```\n", "walkthrough 'demo' has no 'output' block")]
    [InlineData("<!-- walkthrough: demo, run -->\n```sh\nx\n```\n<!-- walkthrough: demo, output -->\n```\n\n```\n", "has an empty 'output' block")]
    [InlineData("<!-- walkthrough: demo, run -->\n```sh\nx\n```\n<!-- walkthrough: demo, run -->\n```sh\ny\n```\n", "has 2 'run' blocks (lines 1, 5)")]
    [InlineData("<!-- walkthrough: demo, run -->\n```sh\nx\n```\n<!-- walkthrough: demo, output -->\n```\nz\n```\n<!-- walkthrough: demo, shell -->\n```sh\ny\n```\n", "has a 'shell' block (line 9) after its 'run' block (line 1)")]
    public void A_marker_the_runner_cannot_follow_is_an_error_naming_its_line(string markdown, string message)
    {
        var parse = () => WalkthroughParser.Parse(markdown);

        parse.Should().Throw<WalkthroughFormatException>().Which.Message.Should().Contain(message);
    }

    internal static string FixturePage => Path.Combine(RepositoryPaths.Root, "tests", "WomRules.Packaging.Tests", "Walkthroughs", "fixture-walkthroughs.md");
}
