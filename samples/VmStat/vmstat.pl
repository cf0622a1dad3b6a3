#!/usr/bin/perl -w
# The kind of script VmStat ports: a vmstat(1) look-alike on Sun::Solaris::Kstat, as shops wrote them.
use strict;
use Sun::Solaris::Kstat;

my ($interval, $count) = @ARGV;
my $ks = Sun::Solaris::Kstat->new(strip_strings => 1) or die "kstat: $!\n";
my $pagesize = 4096;                              # `pagesize` on the box
my %prev;

sub sample {
    my %s = (snaptime => 0);
    foreach my $i (sort { $a <=> $b } keys %{$ks->{cpu_stat}}) {
        my $cpu = $ks->{cpu_stat}{$i}{"cpu_stat$i"};
        $s{$_} += $cpu->{$_} || 0 foreach qw(user kernel wait idle intr syscall pswitch pgpgin pgpgout);
        $s{snaptime} = $cpu->{snaptime} if $cpu->{snaptime} > $s{snaptime};
    }
    $s{freemem} = $ks->{unix}{0}{system_pages}{freemem};
    return %s;
}

printf "%7s %4s %4s %5s %5s %5s %3s %3s %3s %3s\n", qw(free pi po in sy cs us sy wt id);
for (my $n = 0; !defined $count || $n < $count; $n++) {
    if ($n > 0) {
        sleep $interval;
        print "<<State change>>\n" if $ks->update();
    }
    my %now = sample();
    my $dt = %prev ? $now{snaptime} - $prev{snaptime} : $now{snaptime};
    my %d = map { $_ => $now{$_} - ($prev{$_} || 0) } keys %now;
    my $ticks = ($d{user} + $d{kernel} + $d{wait} + $d{idle}) || 1;
    printf "%7d %4d %4d %5d %5d %5d %3d %3d %3d %3d\n",
        $now{freemem} * $pagesize / 1024,
        $d{pgpgin} * $pagesize / 1024 / $dt, $d{pgpgout} * $pagesize / 1024 / $dt,
        $d{intr} / $dt, $d{syscall} / $dt, $d{pswitch} / $dt,
        map { 100 * $d{$_} / $ticks } qw(user kernel wait idle);
    %prev = %now;
    last unless defined $interval;
}
