using Kstat.Native.Tests.Support;
using Kstat.Tree;
using static Interop.Kstat;
using D = Kstat.Native.Tests.Support.KstatDouble;

namespace Kstat.Native.Tests.Illumos;

/// <summary><see cref="LibKstatChain.ReadBatch"/>: many kstats under one lock, each read and reported as <see cref="LibKstatChain.Read"/> would.</summary>
public class LibKstatChainBatchTests : DoubleTest
{
    private static int AddNamed(string name, ulong value)
    {
        int kid = D.AddNamed("unix", 0, name, value);
        D.Named(kid, "small", KSTAT_DATA_INT32, unchecked((ulong)-(long)value));
        return kid;
    }

    private static (KstatReading?[] Readings, Exception?[] Errors) ReadBatch(LibKstatChain chain, KstatHeader[] headers)
    {
        var readings = new KstatReading?[headers.Length];
        var errors = new Exception?[headers.Length];
        chain.ReadBatch(headers, readings, errors);
        return (readings, errors);
    }

    [Fact]
    public void A_batch_reads_each_kstat_once_and_gives_what_Read_gives()
    {
        for (int i = 0; i < 5; i++)
        {
            AddNamed($"k{i}", (ulong)(10 + i));
        }

        using var chain = Open();
        var headers = chain.Headers.Where(h => h.Module == "unix").Reverse().ToArray(); // not in chain order

        var (readings, errors) = ReadBatch(chain, headers);

        Assert.Equal(5, D.kd_reads());
        Assert.All(errors, Assert.Null);
        for (int i = 0; i < headers.Length; i++)
        {
            var single = chain.Read(headers[i]);
            Assert.Equal(single.Schema.Names.ToArray(), readings[i]!.Schema.Names.ToArray());
            KstatAssert.Same(single.Values, readings[i]!.Values);
        }

        Assert.Equal(10, D.kd_reads());
        Assert.Equal(14UL, (ulong)readings[0]!["value"]);
        Assert.Equal(-14L, (long)readings[0]!["small"]);
    }

    [Theory]
    [InlineData(ENXIO, 1, typeof(KstatNotFoundException))]
    [InlineData(EAGAIN, 3, null)]                         // the kernel's EAGAIN: libkstat retries it, the kstat reads
    [InlineData(EACCES, 1, typeof(UnauthorizedAccessException))]
    [InlineData(ENOMEM, 1, typeof(KstatException))]
    public void A_failure_of_one_kstat_is_reported_in_its_slot_as_Read_reports_it_and_the_others_are_read(int errno, int count, Type? expected)
    {
        int gone = AddNamed("gone", 1);
        int faulty = AddNamed("faulty", 2);
        AddNamed("fine", 3);
        using var chain = Open();
        var headers = chain.Headers.Where(h => h.Module == "unix").ToArray();
        D.kd_remove(gone); // gone from the kernel, the chain not updated: kstat_read fails with ENXIO

        D.kd_fail_read(faulty, errno, count);
        var (readings, errors) = ReadBatch(chain, headers);
        D.kd_fail_read(faulty, errno, count);
        var single = Record.Exception(() => chain.Read(HeaderOf(chain, "unix:0:faulty")));

        var byKey = headers.Select((h, i) => (h.Key, Reading: readings[i], Error: errors[i])).ToDictionary(x => x.Key);
        Assert.All(byKey.Values, x => Assert.True(x.Reading is null != x.Error is null));
        Assert.Equal("unix:0:gone", Assert.IsType<KstatNotFoundException>(byKey["unix:0:gone"].Error).Key);
        Assert.Equal(3UL, (ulong)byKey["unix:0:fine"].Reading!["value"]);
        var error = byKey["unix:0:faulty"].Error;
        if (expected is null)
        {
            Assert.Null(single);
            Assert.Equal(2UL, (ulong)byKey["unix:0:faulty"].Reading!["value"]);
            return;
        }

        Assert.IsType(expected, error);
        Assert.IsType(expected, single);
        Assert.Equal(single!.Message, error!.Message);
        Assert.Equal((single as KstatException)?.Errno, (error as KstatException)?.Errno);
    }

    [Fact]
    public void A_header_of_a_recreated_kstat_is_not_found_in_a_batch_but_the_new_one_reads()
    {
        int kid = AddNamed("phoenix", 7);
        using var chain = Open();
        var old = HeaderOf(chain, "unix:0:phoenix");
        D.kd_recreate(kid, 2_000);
        chain.Update();

        var (readings, errors) = ReadBatch(chain, [old, HeaderOf(chain, "unix:0:phoenix")]);

        Assert.IsType<KstatNotFoundException>(errors[0]);
        Assert.Null(readings[0]);
        Assert.Equal(7UL, (ulong)readings[1]!["value"]);
    }

    [Fact]
    public void Bad_arguments_and_a_disposed_chain_throw()
    {
        AddNamed("x", 1);
        var chain = Open();
        var header = HeaderOf(chain, "unix:0:x");

        var (readings, errors) = ReadBatch(chain, [header, null!]);
        Assert.NotNull(readings[0]);
        Assert.IsType<ArgumentNullException>(errors[1]);
        Assert.Throws<ArgumentException>(() => chain.ReadBatch([header, header], new KstatReading?[1], new Exception?[2]));
        Assert.Throws<ArgumentException>(() => chain.ReadBatch([header], new KstatReading?[1], []));

        chain.Dispose();
        Assert.Throws<ObjectDisposedException>(() => chain.ReadBatch([header], new KstatReading?[1], new Exception?[1]));
        Assert.Equal(0, D.kd_open_handles());
    }

    [Fact]
    public void Every_reading_of_a_batch_comes_from_one_read_while_the_kernel_changes()
    {
        var kids = new List<int>();
        for (int k = 0; k < 8; k++)
        {
            int kid = D.Add("stamped", k, "s", KstatType.Named);
            foreach (string name in new[] { "a", "b", "c", "d" })
            {
                D.Named(kid, name, KSTAT_DATA_UINT64, 0);
            }

            kids.Add(kid);
        }

        using var chain = Open();
        var headers = chain.Headers.Where(h => h.Module == "stamped").ToArray();
        int torn = 0;
        Parallel.For(0, 400, i =>
        {
            if (i % 2 == 0)
            {
                foreach (int kid in kids)
                {
                    D.kd_stamp(kid, (ulong)i);
                }

                return;
            }

            var (readings, errors) = ReadBatch(chain, headers);
            foreach (var r in readings)
            {
                ulong a = (ulong)r!["a"];
                if ((ulong)r["b"] != a || (ulong)r["c"] != a || (ulong)r["d"] != a)
                {
                    Interlocked.Increment(ref torn);
                }
            }
        });

        Assert.Equal(0, torn);
    }
}
