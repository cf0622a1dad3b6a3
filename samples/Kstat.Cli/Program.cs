using System.Text;
using Kstat.Cli;
using Kstat.Cli.Output;
using Kstat.Cli.Sources;

// Wiring only: parse the command line, then run the command over the real console, clock and source.
var parsed = KstatOptionParser.Parse(args);
if (parsed.Options is null)
{
    Console.Error.Write(parsed.ErrorText);
    return parsed.ExitCode;
}

// Buffered and flushed by the command after each round; not disposed here, because disposing flushes, and a flush
// into a pipe whose reader has gone (`kstat | head`) would throw after the command already ended quietly.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
var command = new KstatCommand(
    parsed.Options,
    KstatSources.Open,
    OutputFormats.Create,
    stdout,
    Console.Error,
    TimeProvider.System,
    Thread.Sleep);
return command.Run();
