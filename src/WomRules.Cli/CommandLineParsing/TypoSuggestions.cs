using System.CommandLine;

namespace WomRules.Cli.CommandLineParsing;

/// <summary>
/// "Did you mean": for a word the parser did not recognise, the commands and options of the command it was typed to
/// that are at most a third of its length (and at least one edit) away, nearest first. Only our own names are
/// printed; the typed word is quoted escaped by the caller.
/// </summary>
internal static class TypoSuggestions
{
    public static IReadOnlyList<string> For(string typed, Command command)
    {
        var names = command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name))
            .Concat(command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)))
            .Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options).Where(o => o.Recursive && !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)))
            .Distinct(StringComparer.Ordinal);
        var limit = Math.Max(1, typed.Length / 3);
        return [.. names
            .Select(name => (Name: name, Distance: Distance(typed, name)))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)];
    }

    /// <summary>Levenshtein distance, cut off early for words too long to be typos of a command name.</summary>
    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || Math.Abs(a.Length - b.Length) > 8)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
