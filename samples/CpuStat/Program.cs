// The EXAMPLES section of Kstat(3PERL), ported line for line, for every CPU instead of CPU 0:
//
//   my $kstat = Sun::Solaris::Kstat->new();
//   my ($usr1, $sys1, $wio1, $idle1) = @{$kstat->{cpu_stat}{0}{cpu_stat0}}{qw(user kernel wait idle)};
//   print("usr sys wio idle\n");
//   while (1) {
//      sleep 5;
//      if ($kstat->update()) { print("Configuration changed\n"); }
//      my ($usr2, $sys2, $wio2, $idle2) = @{$kstat->{cpu_stat}{0}{cpu_stat0}}{qw(user kernel wait idle)};
//      printf(" %.2d  %.2d  %.2d  %.2d\n", ($usr2 - $usr1) / 5, ...);
//      $usr1 = $usr2; ...
//   }
//
// The Perl example divides tick deltas by the interval, which is a percentage only when the clock runs at 100 Hz;
// this port divides by the ticks that elapsed, so the four columns of a CPU add up to 100 whatever the clock rate.
// KstatSample/KstatDelta replace the $usr1 = $usr2 bookkeeping.
using Kstat.Native;
using Kstat.Tree;

return CpuStat.Run(args, Console.Out, Console.Error, NativeKstat.Open, Thread.Sleep);
