using Kstat.Cli;

// Wiring only: stdout and stderr through descriptors 1 and 2 (opened first, before any file can take their numbers),
// the real clock, sleep and SIGCONT; KstatCommand.Execute does the rest. stdout is buffered and flushed by the command
// after each round.
var stdout = StandardStreams.OpenOutput();
var stderr = StandardStreams.OpenError();
return KstatCommand.Execute(args, stdout, stderr, TimeProvider.System, Sleeper.Sleep, Signals.WatchContinue);
