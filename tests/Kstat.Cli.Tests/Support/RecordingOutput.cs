using Kstat.Cli.Output;
using Kstat.Tree;

namespace Kstat.Cli.Tests.Support;

/// <summary>An output format that prints one line per kstat and statistic, enough to check what the command sends and in which order.</summary>
public sealed class RecordingOutput(TextWriter writer) : IKstatOutput
{
    public void BeginRound() => writer.Write("[begin]\n");

    public int Write(KstatHeader header, KstatReading? reading, Func<string, bool>? statisticFilter)
    {
        if (reading is null)
        {
            writer.Write($"{header.Key} (unread)\n");
            return 1;
        }

        int n = 0;
        foreach (var (name, value) in reading)
        {
            if (statisticFilter is null || statisticFilter(name))
            {
                writer.Write($"{header.Key}:{name}\t{value}\n");
                n++;
            }
        }

        return n;
    }

    public void EndRound() => writer.Write("[end]\n");
}
