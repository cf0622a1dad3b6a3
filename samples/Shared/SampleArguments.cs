using System.Globalization;
using Kstat.Native;
using Kstat.Tree;

namespace Kstat.Samples;

/// <summary>
/// The command line the monitoring samples share, as the Perl scripts they port take it:
/// <c>[--file CAPTURE] [interval [count]]</c>, plus flags of the sample's own (kept in <see cref="Flags"/>).
/// </summary>
internal sealed class SampleArguments
{
    public string? File { get; private init; }

    public TimeSpan? Interval { get; private init; }

    public int? Count { get; private init; }

    /// <summary>Options the sample handles itself, with their value when one follows (<c>--endpoint URL</c>).</summary>
    public Dictionary<string, string?> Flags { get; } = new(StringComparer.Ordinal);

    /// <summary>Parses the arguments, or prints what is wrong and the usage line to stderr and returns <c>null</c> (exit code 2).</summary>
    public static SampleArguments? ParseOrExplain(string[] args, string command, string usage, params string[] valued)
    {
        try
        {
            return Parse(args, valued);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"{command}: {e.Message}");
            Console.Error.WriteLine($"usage: {usage}");
            return null;
        }
    }

    /// <summary>Parses the arguments; options in <paramref name="valued"/> take the next argument as their value.</summary>
    /// <exception cref="FormatException">An argument is malformed; the message says which.</exception>
    public static SampleArguments Parse(string[] args, params string[] valued)
    {
        string? file = null;
        var numbers = new List<string>();
        var flags = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg is "--file" or "-f")
            {
                file = i + 1 < args.Length ? args[++i] : throw new FormatException($"{arg} needs a capture file.");
            }
            else if (arg.StartsWith('-') && !double.TryParse(arg, CultureInfo.InvariantCulture, out _))
            {
                flags[arg] = valued.Contains(arg) ? (i + 1 < args.Length ? args[++i] : throw new FormatException($"{arg} needs a value.")) : null;
            }
            else
            {
                numbers.Add(arg);
            }
        }

        if (numbers.Count > 2)
        {
            throw new FormatException($"Too many operands: '{numbers[2]}'; expected [interval [count]].");
        }

        var result = new SampleArguments
        {
            File = file,
            Interval = numbers.Count > 0 ? TimeSpan.FromSeconds(Positive(numbers[0], "interval")) : null,
            Count = numbers.Count > 1 ? (int)Positive(numbers[1], "count") : null,
        };
        foreach (var (key, value) in flags)
        {
            result.Flags[key] = value;
        }

        return result;
    }

    /// <summary>Opens the capture given with <c>--file</c> (a replayable series), or the running machine.</summary>
    public KstatTree OpenTree() => File is { } path ? KstatTree.Load(path) : NativeKstat.Open();

    /// <summary>How many rounds to print: <c>count</c>, one without an interval, or until stopped.</summary>
    public int Rounds => Count ?? (Interval is null ? 1 : int.MaxValue);

    /// <summary>Waits for the next round; a capture is replayed without waiting, each Update() steps to its next round.</summary>
    public void Wait()
    {
        if (File is null && Interval is { } interval)
        {
            Thread.Sleep(interval);
        }
    }

    private static double Positive(string text, string what) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0
            ? value
            : throw new FormatException($"The {what} must be a positive number, not '{text}'.");
}
