using System.Text;
using WomRules.Cli;

// When the console writes UTF-8 anyway, `run` hands it the outcomes' UTF-8 as it is, instead of decoding it for
// Console.Out to encode again.
var stdoutBytes = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? Console.OpenStandardOutput() : null;
return CommandLine.Run(args, new CliConsole(Console.Out, Console.Error)
{
    OutBytes = stdoutBytes,

    // The progress line is for a person at a terminal; when outcomes also go to that terminal they are the progress.
    ShowsProgress = !Console.IsErrorRedirected && Console.IsOutputRedirected,
});
