#!/usr/bin/perl -w
# The kind of script IoStat ports: an `iostat -x` look-alike on Sun::Solaris::Kstat.
use strict;
use Sun::Solaris::Kstat;

my ($interval, $count) = @ARGV;
my $ks = Sun::Solaris::Kstat->new(strip_strings => 1) or die "kstat: $!\n";
my %prev;

for (my $n = 0; !defined $count || $n < $count; $n++) {
    if ($n > 0) { sleep $interval; $ks->update(); }
    printf "%-12s %6s %6s %8s %8s %5s %5s %6s %3s %3s\n",
        qw(device r/s w/s kr/s kw/s wait actv svc_t %w %b);
    foreach my $module (sort keys %$ks) {
        foreach my $inst (sort { $a <=> $b } keys %{$ks->{$module}}) {
            foreach my $name (sort keys %{$ks->{$module}{$inst}}) {
                my $io = $ks->{$module}{$inst}{$name};
                next unless $io->{class} eq 'disk';          # class: no read yet
                my %now = %$io;                               # copy: a hash ref would keep changing
                my $old = $prev{$name} || { snaptime => 0 };   # first round: since boot
                my $dt = ($now{snaptime} - $old->{snaptime}) || 1;
                my %d = map { $_ => $now{$_} - ($old->{$_} || 0) }
                        qw(reads writes nread nwritten rtime wtime rlentime wlentime);
                my $ops = $d{reads} + $d{writes};
                printf "%-12s %6.1f %6.1f %8.1f %8.1f %5.1f %5.1f %6.1f %3d %3d\n", $name,
                    $d{reads} / $dt, $d{writes} / $dt, $d{nread} / 1024 / $dt, $d{nwritten} / 1024 / $dt,
                    $d{wlentime} / $dt, $d{rlentime} / $dt,
                    $ops ? ($d{wlentime} + $d{rlentime}) / $ops * 1000 : 0,
                    100 * $d{wtime} / $dt, 100 * $d{rtime} / $dt;
                $prev{$name} = \%now;
            }
        }
    }
    last unless defined $interval;
}
