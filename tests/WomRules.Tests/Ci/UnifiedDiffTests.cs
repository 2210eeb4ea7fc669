using WomRules.Cli.Testing;

namespace WomRules.Tests.Ci;

/// <summary>The unified diff shown on a snapshot mismatch: hunks, context, line numbers, as diff -u prints them.</summary>
public sealed class UnifiedDiffTests
{
    private static string Diff(string before, string after) =>
        UnifiedDiff.Create(before.Split(' ', StringSplitOptions.RemoveEmptyEntries), after.Split(' ', StringSplitOptions.RemoveEmptyEntries), "a", "b");

    [Fact]
    public void One_changed_line_in_the_middle_has_three_lines_of_context()
    {
        Diff("1 2 3 4 5 6 7 8 9", "1 2 3 4 X 6 7 8 9").Should().Be("--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+X\n 6\n 7\n 8\n");
    }

    [Fact]
    public void Distant_changes_make_separate_hunks_and_near_ones_share_one()
    {
        Diff("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16", "X 2 3 4 5 6 7 8 9 10 11 12 13 14 15 Y").Should().Be(
            "--- a\n+++ b\n@@ -1,4 +1,4 @@\n-1\n+X\n 2\n 3\n 4\n@@ -13,4 +13,4 @@\n 13\n 14\n 15\n-16\n+Y\n");
        Diff("1 2 3 4 5 6 7 8", "X 2 3 4 5 6 7 Y").Should().Be(
            "--- a\n+++ b\n@@ -1,8 +1,8 @@\n-1\n+X\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+Y\n");
    }

    [Fact]
    public void Insertions_and_deletions_count_lines_on_their_own_side()
    {
        Diff("a b c", "a b x c").Should().Be("--- a\n+++ b\n@@ -1,3 +1,4 @@\n a\n b\n+x\n c\n");
        Diff("a b c", "a c").Should().Be("--- a\n+++ b\n@@ -1,3 +1,2 @@\n a\n-b\n c\n");
        Diff("", "a").Should().Be("--- a\n+++ b\n@@ -0,0 +1 @@\n+a\n");
    }

    [Fact]
    public void Equal_inputs_give_only_the_header()
    {
        Diff("a b", "a b").Should().Be("--- a\n+++ b\n");
    }
}
