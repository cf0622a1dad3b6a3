using System.Text;

namespace Kstat.Tree.Tests.Support;

/// <summary>
/// Seeded damage to real input: bit flips, random bytes, truncation, NULs, invalid UTF-8, deleted, duplicated and
/// swapped spans and lines, structural characters, and now and then a line of more than a MiB.
/// </summary>
public static class Mutator
{
    /// <summary>Longer than any line a parser should accept whole (the snapshot reader's limit is 1 MiB).</summary>
    public const int HugeLine = (1 << 20) + 17;

    private const string Structural = "\t:\n[]{},\"\\ -.0=";

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xC3, 0x28], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
    ];

    /// <summary>Applies 1 to 4 edits; <paramref name="allowHuge"/> lets one of them be a huge line (rarely).</summary>
    public static byte[] Mutate(byte[] source, Random random, bool allowHuge = true)
    {
        var bytes = new List<byte>(source);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits; e++)
        {
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(12))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 3:
                    bytes.Insert(at, 0);
                    break;
                case 4:
                    bytes.InsertRange(at, InvalidUtf8[random.Next(InvalidUtf8.Length)]);
                    break;
                case 5:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(40)));
                    break;
                case 6:
                    bytes.Insert(at, (byte)Structural[random.Next(Structural.Length)]);
                    break;
                case 7:
                    bytes = SwapLines(bytes, random);
                    break;
                case 8 when allowHuge && random.Next(50) == 0:
                    byte filler = (byte)"9a \t:"[random.Next(5)];
                    bytes.InsertRange(at, Enumerable.Repeat(filler, HugeLine));
                    break;
                case 9:
                    // a number made huge or negative: counters that overflow their kind
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(random.Next(2) == 0 ? "99999999999999999999999" : "-1"));
                    break;
                case 10 when bytes.Count > 0:
                    int length = Math.Min(bytes.Count - at, 1 + random.Next(200));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default:
                    // a line ending changed: CRLF, a lone CR, or none at the end
                    bytes.Insert(at, random.Next(2) == 0 ? (byte)'\r' : (byte)'\n');
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
}
