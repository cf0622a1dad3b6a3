<Query Kind="Statements">
  <NuGetReference>Kstat.Native</NuGetReference>
  <Namespace>Kstat.Native</Namespace>
  <Namespace>Kstat.Tree</Namespace>
</Query>

// The example of the Sun::Solaris::Kstat man page, line for line (five rounds instead of forever):
//
//   my $kstat = Sun::Solaris::Kstat->new();
//   my ($usr1, $sys1, $wio1, $idle1) = @{$kstat->{cpu_stat}{0}{cpu_stat0}}{qw(user kernel wait idle)};
//   print("usr sys wio idle\n");
//   while (1) {
//       sleep 5;
//       if ($kstat->update()) { print("Configuration changed\n"); }
//       my ($usr2, $sys2, $wio2, $idle2) = @{$kstat->{cpu_stat}{0}{cpu_stat0}}{qw(user kernel wait idle)};
//       printf(" %.2d  %.2d  %.2d  %.2d\n", ($usr2 - $usr1) / 5, ($sys2 - $sys1) / 5, ($wio2 - $wio1) / 5, ($idle2 - $idle1) / 5);
//       ($usr1, $sys1, $wio1, $idle1) = ($usr2, $sys2, $wio2, $idle2);
//   }
using var kstat = NativeKstat.Open();
var cpu0 = kstat["cpu_stat"][0]["cpu_stat0"];
uint Tick(string statistic) => cpu0.TryGetValue(statistic, out var v) ? (uint)v : 0; // Linux may lack one: 0; 32-bit ticks wrap as uint does
var (usr1, sys1, wio1, idle1) = (Tick("user"), Tick("kernel"), Tick("wait"), Tick("idle"));
Console.WriteLine("usr sys wio idle");
for (int round = 0; round < 5; round++)
{
    Thread.Sleep(5000);
    if (kstat.Update().Changed)
    {
        Console.WriteLine("Configuration changed");
    }

    var (usr2, sys2, wio2, idle2) = (Tick("user"), Tick("kernel"), Tick("wait"), Tick("idle"));
    Console.WriteLine($" {(usr2 - usr1) / 5:00}  {(sys2 - sys1) / 5:00}  {(wio2 - wio1) / 5:00}  {(idle2 - idle1) / 5:00}");
    (usr1, sys1, wio1, idle1) = (usr2, sys2, wio2, idle2);
}
