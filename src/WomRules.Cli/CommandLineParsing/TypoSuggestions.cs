using System.CommandLine;
using WomRules.Binding;

namespace WomRules.Cli.CommandLineParsing;

/// <summary>
/// "Did you mean": for a word the parser did not recognise, the commands and options of the command it was typed to
/// that are at most a third of its length in edits away (one edit for words under six characters, case ignored),
/// nearest first. Only our own names are printed; the typed word is quoted escaped by the caller.
/// </summary>
internal static class TypoSuggestions
{
    public static IReadOnlyList<string> For(string typed, Command command)
    {
        if (typed.Length > NameSuggestions.MaxLength)
        {
            return [];
        }

        var names = command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name))
            .Concat(command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)))
            .Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options).Where(o => o.Recursive && !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)))
            .Distinct(StringComparer.Ordinal);
        // The campaign compiler's distance (optimal string alignment, a swap of neighbours one edit, case ignored),
        // computed only as far as the limit: a name further off comes back as more than it.
        var limit = Math.Max(1, typed.Length / 3);
        return [.. names
            .Select(name => (Name: name, Distance: NameSuggestions.Distance(typed, name, limit)))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)];
    }
}
