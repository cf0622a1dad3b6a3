using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Kstat.Tree;

/// <content>Completing a kstat when the reader leaves it: its schema, type and typed reading.</content>
internal sealed partial class CaptureBuilder
{
    private CompletedKstat Complete(KstatAccumulator kstat, CaptureKstat captured)
    {
        long crTime = Time(kstat.CrTime);
        long snapTime = Time(kstat.SnapTime);
        var schema = _schemas.Find(kstat.Statistics);
        if (schema is null)
        {
            // Names not seen in this order yet, or one printed twice: the last value wins, at the first position.
            kstat.Deduplicate();
            schema = _schemas.Find(kstat.Statistics) ?? _schemas.Add(kstat.Statistics);
        }

        var statistics = kstat.Statistics;

        // The type stays what the first round with data showed, so that values keep their kinds across rounds; a
        // re-created kstat (another crtime) starts again.
        var earlier = captured.EarlierHeader(crTime);
        KstatType? settledType = earlier is not null && captured.TypeSettled ? earlier.Type : null;
        var type = kstat.Type ?? settledType ?? KstatShapes.Infer(kstat.Id.Module, kstat.Id.Name, schema.Names.AsSpan());

        KstatReading? reading = null;
        RawStatistic[]? kept = null;
        if (kstat.SnapTime is not null || statistics.Length > 0)
        {
            var values = Values(statistics, KstatShapes.FieldsOf(type, kstat.Id.Module, kstat.Id.Name), out bool keep);
            reading = new KstatReading(snapTime, schema, values);
            kept = keep ? statistics.ToArray() : null;
        }

        bool typeSettled = kstat.Type is not null || statistics.Length > 0 || settledType is not null;
        return new CompletedKstat(kstat.Class ?? string.Empty, kstat.Type, type, typeSettled, crTime, reading, kept);
    }

    // Types the values: a field of an I/O, interrupt, timer or raw kstat gets its kind. keep: the values cannot give
    // back what was printed (a time parsed from seconds, a number kept as text, a quoted JSON value).
    private static ImmutableArray<KstatValue> Values(ReadOnlySpan<RawStatistic> statistics, KstatShapes.Shape? fields, out bool keep)
    {
        keep = false;
        var values = new KstatValue[statistics.Length];
        for (int i = 0; i < values.Length; i++)
        {
            var statistic = statistics[i];
            var value = statistic.Value;
            if (statistic.Quoted)
            {
                keep = true;
            }
            else if (fields?.KindOf(statistic.Name) is { } kind)
            {
                var typed = CaptureValues.As(kind, value);
                keep |= typed.Kind == KstatValueKind.HrTime || (typed.IsText && !value.IsText);
                value = typed;
            }

            values[i] = value;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    // A crtime or snaptime that was not seconds is reported here rather than where it was read: a later line of the
    // kstat may still print it again (the last value wins).
    private long Time(CaptureTime? time) => time switch
    {
        null => 0,
        { BadText: null } => time.Value.Nanoseconds,
        { BadText: var text } => throw _lines.Error($"expected {time.Value.Name} as seconds (such as 71.231448016 or 0) but found '{CaptureLineReader.Shorten(text)}'", time.Value.Line, time.Value.Column),
    };
}
