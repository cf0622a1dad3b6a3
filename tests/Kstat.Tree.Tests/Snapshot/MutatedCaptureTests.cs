using System.Text;
using Kstat.Tree;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Snapshot;

/// <summary>Seeded random damage to real captures (and to their JSON and human renderings) only ever gives a KstatFormatException, or a chain.</summary>
public class MutatedCaptureTests
{
    private const int MutationsPerSource = 150;
    private const string Structural = "\t:\n[]{},\"\\ -.0";

    public static TheoryData<string, int> Sources()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Captures.All.Select(p => Path.GetFileName(p)))
        {
            data.Add(file, 0); // as captured
            data.Add(file, 1); // rewritten as kstat -j
            data.Add(file, 2); // rewritten in the human format
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Damaged_captures_fail_only_with_a_format_exception(string file, int rendering)
    {
        byte[] original = Render(file, rendering);
        var random = new Random(HashCode.Combine(file.Length, file[0], file[^5], rendering) & 0x7FFFFFFF);
        int failures = 0;
        for (int i = 0; i < MutationsPerSource; i++)
        {
            byte[] damaged = Mutate(original, random);
            try
            {
                using var reader = new StreamReader(new MemoryStream(damaged), new UTF8Encoding(false, throwOnInvalidBytes: true));
                using var tree = new KstatTree(SnapshotChain.Read(reader, file));
                Exercise(tree);
            }
            catch (KstatFormatException e)
            {
                failures++;
                Assert.Equal(file, e.SourceName);
                Assert.True(e.Line >= 1 && e.Column >= 1, e.Message);
            }
        }

        Assert.InRange(failures, 1, MutationsPerSource); // the damage is real: some of it must be refused
    }

    private static void Exercise(KstatTree tree)
    {
        var sink = new StringWriter();
        KstatFormat.WriteParseable(sink, tree);
        KstatFormat.WriteJson(sink, tree);
        KstatFormat.WriteHuman(sink, tree);
        while (!((SnapshotChain)tree.Chain).IsLastRound)
        {
            tree.Update();
        }
    }

    private static byte[] Render(string file, int rendering)
    {
        string path = Captures.PathOf(file);
        if (rendering == 0)
        {
            return File.ReadAllBytes(path);
        }

        using var tree = KstatTree.Load(path);
        var text = new StringWriter();
        if (rendering == 1)
        {
            KstatFormat.WriteJson(text, tree);
        }
        else
        {
            KstatFormat.WriteHuman(text, tree);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(9))
            {
                case 0: // flip a bit
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // a random byte
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 3: // a NUL
                    bytes.Insert(at, 0);
                    break;
                case 4: // delete a span
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(40)));
                    break;
                case 5: // a structural character
                    bytes.Insert(at, (byte)Structural[random.Next(Structural.Length)]);
                    break;
                case 6: // swap two lines
                    bytes = SwapLines(bytes, random);
                    break;
                case 7: // a huge line, now and then
                    if (random.Next(40) == 0)
                    {
                        bytes.InsertRange(at, Enumerable.Repeat((byte)'9', CaptureLimits.MaxLineLength + 10));
                    }

                    break;
                default: // duplicate a span (repeated kstats, rounds)
                    int length = Math.Min(bytes.Count - at, 1 + random.Next(200));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }

    private static List<byte> SwapLines(List<byte> bytes, Random random)
    {
        var lines = Encoding.Latin1.GetString([.. bytes]).Split('\n');
        if (lines.Length < 2)
        {
            return bytes;
        }

        int a = random.Next(lines.Length);
        int b = random.Next(lines.Length);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return [.. Encoding.Latin1.GetBytes(string.Join('\n', lines))];
    }

    private static class CaptureLimits
    {
        public const int MaxLineLength = 1 << 20;
    }
}
