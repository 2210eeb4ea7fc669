// One engine of the concurrent-engines test, in its own process: WomRules.PostgreSql.Worker CONNECTION ENGINE EVENTS_PER_ENGINE.
// Runs that engine's stream of the shared workload and prints how many commits lost a race and were sent again.
using System.Globalization;
using WomRules.PostgreSql.Tests;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: WomRules.PostgreSql.Worker CONNECTION ENGINE EVENTS_PER_ENGINE");
    return 2;
}

var perEngine = int.Parse(args[2], CultureInfo.InvariantCulture);
var (streams, _) = ConcurrentWorkload.Streams(perEngine);
var retries = await ConcurrentWorkload.RunEngine(ConcurrentWorkload.Campaign(perEngine), args[0], streams[int.Parse(args[1], CultureInfo.InvariantCulture)]);
Console.WriteLine(retries.ToString(CultureInfo.InvariantCulture));
return 0;
