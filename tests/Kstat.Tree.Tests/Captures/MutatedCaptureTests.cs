using System.Text;
using Kstat.Tree;
using Kstat.Tree.Tests.Support;

namespace Kstat.Tree.Tests.Captures;

/// <summary>Seeded random damage to real captures (and to their JSON and human renderings) only ever gives a KstatFormatException, or a chain.</summary>
public class MutatedCaptureTests
{
    private const int MutationsPerSource = 150;
    private const string Structural = "\t:\n[]{},\"\\ -.0";

    public static TheoryData<string, int> Sources()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in CaptureFiles.All.Select(p => Path.GetFileName(p)))
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
            byte[] damaged = Mutator.Mutate(original, random);
            try
            {
                using var reader = new StreamReader(new MemoryStream(damaged), new UTF8Encoding(false, throwOnInvalidBytes: true));
                using var tree = new KstatTree(SnapshotChain.Read(reader, sourceName: file));
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
        string path = CaptureFiles.PathOf(file);
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
}
