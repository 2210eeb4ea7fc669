using System.Text;
using WomRules.Cli;

// When the console writes UTF-8 anyway, `run` hands it the outcomes' UTF-8 as it is, instead of decoding it for
// Console.Out to encode again.
var stdoutBytes = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? Console.OpenStandardOutput() : null;
return CommandLine.Run(args, Console.Out, Console.Error, stdoutBytes);
