// The C test double is one process-wide "kernel" with global counters, and the memory and timing figures
// are only meaningful when nothing else runs: every test of this assembly runs alone.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
