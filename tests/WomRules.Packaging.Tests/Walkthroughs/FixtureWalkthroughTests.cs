using WomRules.Packaging.Tests.Support;
using WomRules.Packaging.Tests.Walkthroughs;

namespace WomRules.Packaging.Tests;

/// <summary>
/// The walkthrough runner on its own fixture page: a console app and a web app made from the SDK's templates, using the
/// core WomRules package from the local feed; and the runner failing when the page and the app disagree.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class FixtureWalkthroughTests(PackageFeed feed)
{
    public static TheoryData<string> Names => new(WalkthroughParser.Parse(File.ReadAllText(WalkthroughParserTests.FixturePage)).Select(w => w.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void The_fixture_walkthrough_runs_from_a_new_app_with_the_packages_of_the_local_feed(string name)
    {
        feed.Packages.Should().NotBeEmpty();
        var walkthrough = WalkthroughParser.Parse(File.ReadAllText(WalkthroughParserTests.FixturePage)).Single(w => w.Name == name);

        new WalkthroughRunner(feed).Follow(walkthrough);

        if (walkthrough.Request is not null)
        {
            // The app's whole process tree was killed: nothing serves the request any more.
            var after = ChildProcess.Run("bash", ["-c", walkthrough.Request.Content], feed.Root, WalkthroughRunner.RequestTimeout);
            after.Succeeded.Should().BeFalse(after.ToString());
        }
    }

    [Fact]
    public void A_run_whose_output_lacks_a_line_of_the_output_block_fails_naming_it()
    {
        var walkthrough = Single("""
            <!-- walkthrough: demo, file a.txt -->
            ```
            hello
            ```
            <!-- walkthrough: demo, run -->
            ```sh
            cat a.txt
            ```
            <!-- walkthrough: demo, output -->
            ```
            hello
            goodbye
            ```
            """);

        var follow = () => new WalkthroughRunner(feed).Follow(walkthrough);

        follow.Should().Throw<Exception>().Which.Message.Should().Contain("goodbye").And.Contain("output block at line 9");
    }

    [Fact]
    public void A_failing_shell_block_stops_the_walkthrough_at_its_first_failing_command()
    {
        var walkthrough = Single("""
            <!-- walkthrough: demo, shell -->
            ```sh
            echo first
            false
            echo never
            ```
            <!-- walkthrough: demo, run -->
            ```sh
            echo ran
            ```
            <!-- walkthrough: demo, output -->
            ```
            ran
            ```
            """);

        var follow = () => new WalkthroughRunner(feed).Follow(walkthrough);

        var message = follow.Should().Throw<Exception>().Which.Message;
        message.Should().Contain("shell block at line 1 must succeed").And.Contain("--- stdout ---\nfirst\n\n--- stderr ---");
    }

    [Fact]
    public void A_background_run_that_ends_before_serving_fails_at_once_with_its_output()
    {
        var walkthrough = Single("""
            <!-- walkthrough: demo, run -->
            ```sh
            echo cannot start >&2
            exit 3
            ```
            <!-- walkthrough: demo, request -->
            ```sh
            false
            ```
            <!-- walkthrough: demo, output -->
            ```
            served
            ```
            """);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var follow = () => new WalkthroughRunner(feed).Follow(walkthrough);

        follow.Should().Throw<Exception>().Which.Message.Should().Contain("the run ended before the request succeeded").And.Contain("cannot start");
        clock.Elapsed.Should().BeLessThan(WalkthroughRunner.StartTimeout);
    }

    private static Walkthrough Single(string markdown) => WalkthroughParser.Parse(markdown).Should().ContainSingle().Subject;
}
