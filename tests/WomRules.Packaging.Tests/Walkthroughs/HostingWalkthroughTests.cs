using WomRules.Packaging.Tests.Support;
using WomRules.Packaging.Tests.Walkthroughs;
using WomRules.Tests.Support;

namespace WomRules.Packaging.Tests;

/// <summary>
/// Issue 14, done when: a new console app and a new ASP.NET Core app each add the packages from a local feed and run a
/// campaign by following docs/hosting.md alone. The page marks the blocks this runner follows (WalkthroughRunner says how).
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class HostingWalkthroughTests(PackageFeed feed)
{
    private static readonly string[] Required = ["console", "web"];

    private static string Page => Path.Combine(RepositoryPaths.Root, "docs", "hosting.md");

    /// <summary>The walkthroughs the page has, and the required ones even when it lacks them (they then fail, saying so).</summary>
    public static TheoryData<string> Names => new(Required.Union(File.Exists(Page) ? WalkthroughParser.Parse(File.ReadAllText(Page)).Select(w => w.Name) : []));

    [Fact]
    public void Docs_hosting_has_a_console_and_a_web_walkthrough()
    {
        File.Exists(Page).Should().BeTrue("docs/hosting.md is the page the walkthroughs follow");
        WalkthroughParser.Parse(File.ReadAllText(Page)).Select(w => w.Name).Should().Contain(Required);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_docs_hosting_walkthrough_runs_from_a_new_app_with_the_packages_of_the_local_feed(string name)
    {
        File.Exists(Page).Should().BeTrue("docs/hosting.md is the page the walkthroughs follow");
        var walkthrough = WalkthroughParser.Parse(File.ReadAllText(Page)).SingleOrDefault(w => w.Name == name);
        walkthrough.Should().NotBeNull("docs/hosting.md must have the '{0}' walkthrough", name);
        feed.Packages.Should().NotBeEmpty();

        new WalkthroughRunner(feed).Follow(walkthrough!);
    }
}
