using System.Text;
using Kstat.Cli;

// Wiring only: the real stdout, stderr, clock and sleep; KstatCommand.Execute does the rest.
// stdout is buffered and flushed by the command after each round. It is not disposed here: disposing flushes, and
// a flush into a pipe whose reader has gone (`kstat | head`) would throw after the command already ended quietly.
var stdout = new StreamWriter(StandardOutput.Open(), new UTF8Encoding(false), 1 << 13) { AutoFlush = false };
return KstatCommand.Execute(args, stdout, Console.Error, TimeProvider.System, Thread.Sleep);
