namespace Kstat.Tree;

/// <summary>
/// Reads <c>kstat -p</c> output (<c>module:instance:name:statistic&lt;TAB&gt;value</c>), its <c>-C</c> (colon) and
/// <c>-l</c> (names only) variants, and captures whose TABs were expanded to spaces. Rounds are separated by blank
/// lines or <c>-T</c> timestamp lines; a kstat printed twice in one round is merged (the last value wins).
/// </summary>
/// <remarks>
/// The key is split as kstat(1) cannot make ambiguous: module up to the first colon, instance up to the second,
/// statistic after the last colon of the key, name in between (it may hold colons and spaces). Without a TAB, the
/// first line decides between <c>-C</c> (a colon follows the statistic name before any blank) and expanded TABs, where
/// the value starts after the first run of two or more blanks (after a single blank when there is no such run) and
/// loses its trailing blanks.
/// </remarks>
internal sealed class ParseableCaptureReader(CaptureLineReader lines, CaptureBuilder builder)
{
    private const string Expected = "expected 'module:instance:name:statistic', a TAB and the value (kstat -p)";

    private enum Separator
    {
        Unknown,
        Colon,
        Blanks,
    }

    private Separator _separator;

    public static void Read(CaptureLineReader lines, CaptureBuilder builder) => new ParseableCaptureReader(lines, builder).ReadLines();

    private void ReadLines()
    {
        while (lines.TryReadLine(out ReadOnlySpan<char> line))
        {
            if (line.IsWhiteSpace())
            {
                builder.EndRound();
            }
            else if (CaptureTimestamps.IsTimestamp(line))
            {
                builder.Timestamp(line.ToString());
            }
            else
            {
                ReadLine(line);
            }
        }
    }

    private void ReadLine(ReadOnlySpan<char> line)
    {
        int number = lines.LineNumber;
        if (!TryKeyStart(line, out int c1, out int instance, out int c2))
        {
            throw KeyStartError(line, number);
        }

        // The key ends at keyEnd; the value, if any, starts at valueStart.
        int keyEnd;
        int valueStart;
        int tab = line[(c2 + 1)..].IndexOf('\t');
        if (tab >= 0)
        {
            keyEnd = tab + c2 + 1;
            valueStart = keyEnd + 1;
        }
        else
        {
            if (_separator == Separator.Unknown)
            {
                _separator = Detect(line, c2);
            }

            (keyEnd, valueStart) = _separator == Separator.Colon ? SplitColon(line, c2) : SplitBlanks(line, c2);
        }

        int c3 = line[(c2 + 1)..keyEnd].LastIndexOf(':');
        if (c3 < 0)
        {
            throw lines.Error($"{Expected}: a ':' before the statistic name is missing", number, keyEnd + 1);
        }

        c3 += c2 + 1;
        if (c3 == c2 + 1)
        {
            throw lines.Error("expected a kstat name between the instance and the statistic but found none", number, c3 + 1);
        }

        var statistic = line[(c3 + 1)..keyEnd];
        var kstat = builder.Kstat(line[..c1], instance, line[(c2 + 1)..c3], repeatStartsRound: false);
        if (valueStart < 0 && statistic is "crtime" or "snaptime")
        {
            return; // a -l listing: no time to keep.
        }

        // Where TABs were expanded the exact blanks are lost anyway: trailing ones are taken as editing noise.
        var value = valueStart < 0 ? default : tab >= 0 ? line[valueStart..] : line[valueStart..].TrimEnd(' ');
        kstat.Add(statistic, value, number, (valueStart < 0 ? keyEnd : valueStart) + 1);
    }

    // module:instance: with a canonical instance number (the common case).
    private static bool TryKeyStart(ReadOnlySpan<char> line, out int c1, out int instance, out int c2)
    {
        instance = 0;
        c2 = -1;
        c1 = line.IndexOf(':');
        if (c1 <= 0 || (c2 = IndexOf(line, ':', c1 + 1)) < 0
            || !CaptureValues.TryParseCanonical(line[(c1 + 1)..c2], out long value) || value is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        instance = (int)value;
        return true;
    }

    // What is wrong with a line whose key does not start with module:instance:.
    private KstatFormatException KeyStartError(ReadOnlySpan<char> line, int number)
    {
        int c1 = line.IndexOf(':');
        if (c1 <= 0)
        {
            return lines.Error($"{Expected} but found '{CaptureLineReader.Shorten(line)}'", number, 1);
        }

        int c2 = IndexOf(line, ':', c1 + 1);
        if (c2 < 0)
        {
            return lines.Error($"{Expected}: a ':' after the instance is missing", number, line.Length + 1);
        }

        return lines.Error($"expected an instance number (%d) but found '{CaptureLineReader.Shorten(line[(c1 + 1)..c2])}'", number, c1 + 2);
    }

    private static Separator Detect(ReadOnlySpan<char> line, int c2)
    {
        int c3 = IndexOf(line, ':', c2 + 1);
        if (c3 < 0)
        {
            return Separator.Unknown;
        }

        int colon = IndexOf(line, ':', c3 + 1);
        int blank = line[(c3 + 1)..].IndexOfAny(' ', '\t');
        blank = blank < 0 ? -1 : blank + c3 + 1;
        if (colon >= 0 && (blank < 0 || colon < blank))
        {
            return Separator.Colon;
        }

        return blank >= 0 ? Separator.Blanks : Separator.Unknown;
    }

    // -C: module:instance:name:statistic:value; the name is taken to hold no colon here.
    private static (int KeyEnd, int ValueStart) SplitColon(ReadOnlySpan<char> line, int c2)
    {
        int c3 = IndexOf(line, ':', c2 + 1);
        int c4 = c3 < 0 ? -1 : IndexOf(line, ':', c3 + 1);
        return c4 < 0 ? (line.Length, -1) : (c4, c4 + 1);
    }

    // TABs expanded to spaces: the first run of 2+ blanks after the statistic's colon, else the first single blank.
    private static (int KeyEnd, int ValueStart) SplitBlanks(ReadOnlySpan<char> line, int c2)
    {
        int single = -1;
        int singleEnd = -1;
        int i = c2 + 1;
        bool colonSeen = false;
        while (i < line.Length)
        {
            char c = line[i];
            if (c == ':')
            {
                colonSeen = true;
            }

            if (c != ' ' || !colonSeen)
            {
                i++;
                continue;
            }

            int start = i;
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            if (i - start >= 2)
            {
                return (start, i);
            }

            if (single < 0)
            {
                single = start;
                singleEnd = i;
            }
        }

        return single >= 0 ? (single, singleEnd) : (line.Length, -1);
    }

    private static int IndexOf(ReadOnlySpan<char> line, char c, int from)
    {
        int at = line[from..].IndexOf(c);
        return at < 0 ? -1 : at + from;
    }
}
