namespace Kstat.Tree;

/// <summary>
/// Reads the default (human) output of the C kstat(1) and of the older Perl kstat: a
/// <c>module: … instance: …</c> / <c>name: … class: …</c> header, then one indented row per statistic, then a
/// blank line.
/// </summary>
/// <remarks>
/// Rows are indented by a TAB or by spaces (pasted captures). kstat(1) prints the statistic name in 30 columns and
/// two spaces before the value, so the name may hold spaces and the value may be empty. A round ends at a
/// <c>-T</c> timestamp line or when a kstat appears a second time.
/// </remarks>
internal static class HumanCaptureReader
{
    private const int NameWidth = 30;

    public static void Read(CaptureLineReader lines, CaptureBuilder builder)
    {
        KstatAccumulator? kstat = null;
        (string Module, int Instance)? header = null;
        while (lines.TryReadLine(out ReadOnlySpan<char> line))
        {
            int number = lines.LineNumber;
            if (line.IsWhiteSpace())
            {
                if (header is not null)
                {
                    throw lines.Error("expected the 'name:' header line after the 'module:' line but found a blank line", number, 1);
                }

                kstat = null;
            }
            else if (header is { } h)
            {
                var (nameAt, classAt) = NameLine(lines, line, number);
                kstat = builder.Kstat(h.Module, h.Instance, line[nameAt], repeatStartsRound: true);
                kstat.Class = builder.Intern(line[classAt]);
                header = null;
            }
            else if (line.StartsWith("module:", StringComparison.Ordinal))
            {
                header = ModuleLine(lines, builder, line, number);
                kstat = null;
            }
            else if (line[0] is ' ' or '\t')
            {
                if (kstat is null)
                {
                    throw lines.Error("expected a 'module:' header before the statistic rows but found an indented row", number, 1);
                }

                Row(kstat, line, number);
            }
            else if (CaptureTimestamps.IsTimestamp(line))
            {
                builder.Timestamp(line.ToString());
                kstat = null;
            }
            else
            {
                throw lines.Error($"expected a 'module:' header, an indented statistic row or a blank line but found '{CaptureLineReader.Shorten(line)}'", number, 1);
            }
        }

        if (header is not null)
        {
            throw lines.Error("expected the 'name:' header line after the 'module:' line but the input ended", lines.LineNumber + 1, 1);
        }
    }

    // "module: %-30.30s  instance: %-6d"
    private static (string Module, int Instance) ModuleLine(CaptureLineReader lines, CaptureBuilder builder, ReadOnlySpan<char> line, int number)
    {
        int at = line.LastIndexOf("instance:", StringComparison.Ordinal);
        if (at < 0)
        {
            throw lines.Error("expected 'instance:' on the 'module:' header line", number, line.Length + 1);
        }

        var module = line[7..at].Trim();
        var text = line[(at + 9)..].Trim();
        if (module.Length == 0)
        {
            throw lines.Error("expected a module name after 'module:' but found none", number, 8);
        }

        if (!CaptureValues.TryParseCanonical(text, out long instance) || instance is < int.MinValue or > int.MaxValue)
        {
            throw lines.Error($"expected an instance number after 'instance:' but found '{text}'", number, at + 10);
        }

        return (builder.Intern(module), (int)instance);
    }

    // "name:   %-30.30s  class:    %-.30s"
    // Where the name and the class are on the line.
    private static (Range Name, Range Class) NameLine(CaptureLineReader lines, ReadOnlySpan<char> line, int number)
    {
        if (!line.StartsWith("name:", StringComparison.Ordinal))
        {
            throw lines.Error($"expected the 'name:' header line after the 'module:' line but found '{CaptureLineReader.Shorten(line)}'", number, 1);
        }

        int at = line.LastIndexOf("class:", StringComparison.Ordinal);
        if (at < 5)
        {
            throw lines.Error("expected 'class:' on the 'name:' header line", number, line.Length + 1);
        }

        var name = Trimmed(line, 5, at);
        if (name.End.Value == name.Start.Value)
        {
            throw lines.Error("expected a kstat name after 'name:' but found none", number, 6);
        }

        return (name, Trimmed(line, at + 6, line.Length));
    }

    // The range of line[start..end] without its leading and trailing white space.
    private static Range Trimmed(ReadOnlySpan<char> line, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(line[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        return start..end;
    }

    // "\t%-30s  value": the name fills 30 columns, then two spaces; a longer name is followed by two spaces too.
    private static void Row(KstatAccumulator kstat, ReadOnlySpan<char> line, int number)
    {
        int indent = line[0] == '\t' ? 1 : line.Length - line.TrimStart(' ').Length;
        var rest = line[indent..];
        int nameEnd;
        int valueStart;
        if (rest.Length >= NameWidth + 2 && rest[NameWidth] == ' ' && rest[NameWidth + 1] == ' ')
        {
            (nameEnd, valueStart) = (NameWidth, NameWidth + 2);
        }
        else if (rest.IndexOf("  ", StringComparison.Ordinal) is int gap and >= 0 && rest.Length > NameWidth + 2)
        {
            (nameEnd, valueStart) = (gap, gap + 2);
        }
        else
        {
            (nameEnd, valueStart) = (rest.Length, rest.Length); // the value is empty and the padding was trimmed
        }

        var name = rest[..nameEnd].TrimEnd(' ');
        if (name is "class")
        {
            // kstat(1) prints ks_class in the header of this format, never as a row: a row of that name is a statistic
            // called "class", which must not replace the kstat's class (and which a leaf hides behind its own).
            return;
        }

        kstat.Add(name, rest[valueStart..], number, indent + valueStart + 1);
    }
}
