using Kstat.Tree;

namespace Kstat.Cli.Output;

/// <summary>Chooses the output format the options ask for; each is one of the library's kstat(1) writers.</summary>
internal static class OutputFormats
{
    /// <summary>Creates the output: JSON (<c>-j</c>, with <c>class</c> in <c>data</c> when <c>-p</c>/<c>-C</c>/<c>-l</c> is also given),
    /// parseable (<c>-p</c>, <c>-C</c>, <c>-l</c>), quiet (<c>-q</c>: the human format into nothing, for the exit status) or human.</summary>
    public static IKstatOutput Create(KstatOptions options, TextWriter writer)
    {
        if (options.Quiet)
        {
            return new HumanOutput(new KstatHumanWriter(TextWriter.Null));
        }

        if (options.Json)
        {
            return new JsonOutput(new KstatJsonWriter(writer, includeClass: options.Parseable));
        }

        return options.Parseable
            ? new ParseableOutput(new KstatParseableWriter(writer, colon: options.Colon, namesOnly: options.NamesOnly))
            : new HumanOutput(new KstatHumanWriter(writer));
    }

    private sealed class HumanOutput(KstatHumanWriter writer) : IKstatOutput
    {
        public void BeginRound()
        {
        }

        public int Write(KstatHeader header, KstatReading? reading, Func<string, bool>? statisticFilter) =>
            writer.Write(new KstatRecord(header, reading), statisticFilter);

        public void EndRound()
        {
        }
    }

    private sealed class ParseableOutput(KstatParseableWriter writer) : IKstatOutput
    {
        public void BeginRound()
        {
        }

        public int Write(KstatHeader header, KstatReading? reading, Func<string, bool>? statisticFilter) =>
            writer.Write(new KstatRecord(header, reading), statisticFilter);

        public void EndRound()
        {
        }
    }

    private sealed class JsonOutput(KstatJsonWriter writer) : IKstatOutput
    {
        public void BeginRound() => writer.BeginRound();

        public int Write(KstatHeader header, KstatReading? reading, Func<string, bool>? statisticFilter) =>
            writer.Write(new KstatRecord(header, reading), statisticFilter);

        public void EndRound() => writer.EndRound();
    }
}
