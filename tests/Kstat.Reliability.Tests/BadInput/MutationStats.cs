using System.Diagnostics;

namespace Kstat.Reliability.Tests.BadInput;

/// <summary>Counts of a mutation run: inputs refused as documented, failures (anything else) and the slowest input.</summary>
public sealed class MutationStats
{
    /// <summary>What a parse returns when the input was refused with a documented, positioned exception.</summary>
    public const string Refusal = "refused";

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public int Refused { get; private set; }

    public List<string> Failures { get; } = [];

    public TimeSpan Slowest { get; private set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Gets or sets the input being parsed now, for the message when one never finishes.</summary>
    public (int Index, string Name) Current { get; set; }

    public void Record(TimeSpan took, string? outcome, string what)
    {
        if (took > Slowest)
        {
            Slowest = took;
        }

        if (outcome == Refusal)
        {
            Refused++;
        }
        else if (outcome is not null)
        {
            Failures.Add($"{what}: {outcome}");
        }
    }
}
