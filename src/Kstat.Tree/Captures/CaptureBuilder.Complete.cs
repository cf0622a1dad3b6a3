using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Kstat.Tree;

/// <content>Completing a kstat: its schema, type, kid, header and typed reading.</content>
internal sealed partial class CaptureBuilder
{
    private CaptureEntry Complete(KstatAccumulator kstat)
    {
        var statistics = CollectionsMarshal.AsSpan(kstat.Statistics);
        if (_closed.Count > 0)
        {
            RecordClosed();
        }

        long crTime = kstat.CrTime is { } c ? Time(c) : 0;
        long snapTime = kstat.SnapTime is { } s ? Time(s) : 0;
        bool known = _identities.TryGetValue(kstat.Id, out var identity);
        var schema = _schemas.Find(statistics, known ? identity.Schema : null);
        if (schema is null)
        {
            // Names not seen in this order yet, or one printed twice: the last value wins, at the first position.
            Deduplicate(kstat.Statistics);
            statistics = CollectionsMarshal.AsSpan(kstat.Statistics);
            schema = _schemas.Find(statistics, null) ?? _schemas.Add(statistics);
        }

        long kid;
        KstatType type;
        bool fresh = !(known && identity.CrTime == crTime);
        if (!fresh)
        {
            kid = identity.Kid;

            // The type stays what the first round with data showed, so that values keep their kinds.
            type = kstat.Type ?? (identity.TypeSettled ? identity.Type : KstatShapes.Infer(kstat.Module, kstat.Name, schema.Names.AsSpan()));
        }
        else
        {
            kid = _reusedKid ?? _nextKid++;
            type = kstat.Type ?? KstatShapes.Infer(kstat.Module, kstat.Name, schema.Names.AsSpan());
        }

        string cls = kstat.Class ?? string.Empty;
        var header = known && identity.Header is var h && h.Kid == kid && h.CrTime == crTime && h.Type == type && ReferenceEquals(h.Class, cls)
            ? h
            : new KstatHeader(kstat.Module, kstat.Instance, kstat.Name, cls, type, crTime, kid);

        KstatReading? reading = null;
        RawStatistic[]? kept = null;
        if (kstat.SnapTime is not null || statistics.Length > 0)
        {
            var fields = KstatShapes.FieldsOf(type, kstat.Module, kstat.Name);
            reading = new KstatReading(snapTime, schema, Values(statistics, fields is null ? null : _schemas.KindsOf(schema, fields), out bool keep));
            kept = keep ? statistics.ToArray() : null;
        }

        bool settled = kstat.Type is not null || statistics.Length > 0 || (known && identity.Kid == kid && identity.TypeSettled);
        var next = new CaptureIdentity(header, settled, reading is not null ? schema : known ? identity.Schema : null);
        return new CaptureEntry(next, reading, kept, kstat.Type is not null, fresh);
    }

    // Types the values: a field of an I/O, interrupt, timer or raw kstat gets its kind. keep: the values cannot give
    // back what was printed (a time parsed from seconds, a number kept as text, a quoted JSON value).
    private static ImmutableArray<KstatValue> Values(ReadOnlySpan<RawStatistic> statistics, KstatValueKind?[]? kinds, out bool keep)
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
            else if (kinds is not null && kinds[i] is { } kind)
            {
                var typed = CaptureValues.As(kind, value);
                keep |= typed.Kind == KstatValueKind.HrTime || (typed.IsText && !value.IsText);
                value = typed;
            }

            values[i] = value;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    private static void Deduplicate(List<RawStatistic> statistics)
    {
        var first = new Dictionary<string, int>(statistics.Count, StringComparer.Ordinal);
        int count = 0;
        for (int i = 0; i < statistics.Count; i++)
        {
            var statistic = statistics[i];
            if (first.TryGetValue(statistic.Name, out int at))
            {
                statistics[at] = statistic;
            }
            else
            {
                first.Add(statistic.Name, count);
                statistics[count++] = statistic;
            }
        }

        statistics.RemoveRange(count, statistics.Count - count);
    }

    private long Time(CaptureTime time) =>
        time.BadText is null
            ? time.Nanoseconds
            : throw _lines.Error($"expected {time.Name} as seconds (such as 71.231448016 or 0) but found '{Shorten(time.BadText)}'", time.Line, time.Column);
}
