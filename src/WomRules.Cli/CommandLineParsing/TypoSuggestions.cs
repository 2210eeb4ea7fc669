using System.CommandLine;

namespace WomRules.Cli.CommandLineParsing;

/// <summary>
/// "Did you mean": for a word the parser did not recognise, the commands and options of the command it was typed to
/// that are at most a third of its length in edits away (one edit for words under six characters), nearest first. Only our own names are
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

    /// <summary>
    /// Edit distance counting a swap of two neighbours as one edit (optimal string alignment), cut off early for words
    /// too long to be typos of a command name.
    /// </summary>
    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || Math.Abs(a.Length - b.Length) > 8)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
