#!/usr/bin/perl
# The Perl baseline of the parse benchmark: load a `kstat -p` capture into a hash of hashes, the shape
# Sun::Solaris::Kstat gives ($ks{module}{instance}{name}{statistic} = value), as a Perl script that reads
# kstat -p output does.
#
#   perl parse.pl CAPTURE REPETITIONS [cpu|wall]
#
# Prints "parse<TAB>median ns per load<TAB>repetitions". A load is timed from open to the last line; freeing
# the hash afterwards is not timed. Times are the process's CPU time (the benchmarks' default clock; perl
# runs one thread), or wall-clock time with "wall".
use strict;
use warnings;
use Time::HiRes qw(clock_gettime CLOCK_PROCESS_CPUTIME_ID CLOCK_MONOTONIC);

my ($path, $repetitions, $clock) = @ARGV;
$clock = 'cpu' unless defined $clock;
die "usage: $0 CAPTURE REPETITIONS [cpu|wall]\n"
    unless defined $repetitions && $repetitions >= 1 && $clock =~ /^(cpu|wall)$/;
my $clock_id = $clock eq 'cpu' ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC;

sub load {
    my ($file) = @_;
    my %ks;
    open(my $fh, '<', $file) or die "$file: $!\n";
    while (my $line = <$fh>) {
        chomp $line;
        next if $line eq '';
        my ($key, $value) = split(/\t/, $line, 2);
        # module up to the first colon, instance up to the second, statistic after the last, name between.
        my ($module, $instance, $rest) = split(/:/, $key, 3);
        my $at = rindex($rest, ':');
        $ks{$module}{$instance}{substr($rest, 0, $at)}{substr($rest, $at + 1)} = $value;
    }
    close($fh);
    return \%ks;
}

my @times;
for (1 .. $repetitions) {
    my $start = clock_gettime($clock_id);
    my $ks = load($path);
    push(@times, clock_gettime($clock_id) - $start);
    die "empty capture\n" unless %$ks;
}
@times = sort { $a <=> $b } @times;
my $n = scalar(@times);
my $median = $n % 2 ? $times[$n / 2] : ($times[$n / 2 - 1] + $times[$n / 2]) / 2;
printf("parse\t%.1f\t%d\n", $median * 1e9, $n);
