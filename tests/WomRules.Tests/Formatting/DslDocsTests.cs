using WomRules.Tests.Support;

namespace WomRules.Tests.Formatting;

/// <summary>docs/dsl.md shows every example in both forms as they are in examples/, so the page cannot go stale.</summary>
public sealed class DslDocsTests
{
    [Fact]
    public void Docs_show_every_example_in_both_forms_as_committed()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "dsl.md")).ReplaceLineEndings("\n");
        foreach (var name in RepositoryPaths.ExampleNames)
        {
            foreach (var file in new[] { "campaign.wom", "campaign.yaml" })
            {
                docs.Should().Contain(File.ReadAllText(Path.Combine(RepositoryPaths.Examples, name, file)).ReplaceLineEndings("\n"), $"docs/dsl.md should show examples/{name}/{file}");
            }
        }
    }
}
