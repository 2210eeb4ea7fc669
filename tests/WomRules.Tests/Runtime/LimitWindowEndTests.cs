using WomRules.Binding;
using WomRules.Runtime;

namespace WomRules.Tests.Runtime;

/// <summary>
/// Spec v1.1 §13 forgets a calendar window once it ends by the lateness horizon, so the end read back from a window's key
/// must be exactly where the next window starts: the last tick before it is in the window, the end itself is not.
/// </summary>
public sealed class LimitWindowEndTests
{
    [Fact]
    public void The_end_of_a_window_key_is_the_first_instant_of_the_next_window()
    {
        var random = new Random(7);
        foreach (var window in new[] { LimitWindow.Day, LimitWindow.Week, LimitWindow.Month, LimitWindow.Year })
        {
            for (var i = 0; i < 2000; i++)
            {
                var at = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks((long)(random.NextDouble() * TimeSpan.FromDays(365 * 60).Ticks));
                var key = LimitWindows.KeyFor(window, at);
                var end = LimitWindows.EndOf(key);
                end.Should().NotBeNull(key);
                end!.Value.Should().BeAfter(at, key);
                LimitWindows.KeyFor(window, end.Value.AddTicks(-1)).Should().Be(key, $"the last tick before {end:O} is still in {key}");
                LimitWindows.KeyFor(window, end.Value).Should().NotBe(key, $"{end:O} starts the next window after {key}");
            }
        }

        LimitWindows.EndOf("campaign").Should().BeNull("the campaign window never ends");
        LimitWindows.EndOf("2026-W54").Should().BeNull("no ISO year has 54 weeks");
        LimitWindows.EndsBy("2026-09-01", new DateTime(2026, 9, 2, 0, 0, 0, DateTimeKind.Utc)).Should().BeTrue("a window that ends at the horizon holds no acceptable event");
        LimitWindows.EndsBy("2026-09-01", new DateTime(2026, 9, 1, 23, 59, 59, DateTimeKind.Utc)).Should().BeFalse();
    }
}
