namespace Kstat.Tree;

/// <summary>
/// Reads <c>kstat -j</c> output: one JSON array of kstat objects per round. Besides JSON it accepts what kstat(1)
/// prints that JSON does not allow: the <c>\?</c> escape, the <c>[, {</c> that starts every round after the
/// first (2016), a trailing comma before <c>]</c> or <c>}</c> and unquoted char values (2013), and <c>-T</c>
/// timestamp lines between rounds.
/// </summary>
/// <remarks>
/// kstat(1) escapes every byte that is not printable ASCII as <c>\u00XX</c>; runs of such escapes are put back
/// together as UTF-8 (bytes that are not UTF-8 stay Latin-1 characters). Nesting is limited so that a hostile
/// document cannot exhaust the stack.
/// </remarks>
internal sealed partial class JsonCaptureReader
{
    private const int MaxDepth = 64;

    private readonly CaptureLineReader _lines;
    private readonly CaptureBuilder _builder;
    private ReadOnlyMemory<char> _line; // the line being read, in the line reader's buffer until the next line
    private int _position;
    private bool _atEnd;

    private JsonCaptureReader(CaptureLineReader lines, CaptureBuilder builder)
    {
        _lines = lines;
        _builder = builder;
    }

    private int Column => _position + 1;

    private ReadOnlySpan<char> Line => _line.Span;

    public static void Read(CaptureLineReader lines, CaptureBuilder builder) => new JsonCaptureReader(lines, builder).ReadRounds();

    private void ReadRounds()
    {
        while (SkipBlanks())
        {
            if (Line[_position] == '[')
            {
                _position++;
                ReadRound();
                _builder.CloseRound();
                continue;
            }

            string rest = Line[_position..].ToString();
            if (!CaptureTimestamps.IsTimestamp(rest))
            {
                throw Error($"expected '[' starting a round of kstat -j output but found '{CaptureLineReader.Shorten(rest)}'");
            }

            _builder.Timestamp(rest);
            _position = _line.Length;
        }
    }

    private void ReadRound()
    {
        Need("']' ending the round");
        if (Line[_position] == ',')
        {
            _position++; // "[, {": kstat(1) never resets its object counter between rounds.
        }

        while (true)
        {
            Need("'{' starting a kstat or ']' ending the round");
            char c = Line[_position];
            if (c == ']')
            {
                _position++;
                return;
            }

            if (c != '{')
            {
                throw Error($"expected '{{' starting a kstat or ']' ending the round but found '{c}'");
            }

            ReadKstat();
            Need("',' or ']' after a kstat");
            c = Line[_position];
            if (c == ',')
            {
                _position++;
            }
            else if (c != ']')
            {
                throw Error($"expected ',' or ']' after a kstat but found '{c}'");
            }
        }
    }

    private void ReadKstat()
    {
        int line = _lines.LineNumber;
        int column = Column;
        _position++; // '{'
        string? module = null;
        string? name = null;
        string? cls = null;
        int? instance = null;
        KstatType? type = null;
        KstatAccumulator? kstat = null; // opened at "data" when module, instance and name came first, as kstat(1) prints them
        List<PendingStatistic>? early = null;
        while (NextMember('}'))
        {
            switch (ReadString())
            {
                case "module":
                    Expect(':');
                    module = ReadString();
                    break;
                case "name":
                    Expect(':');
                    name = ReadString();
                    break;
                case "class":
                    Expect(':');
                    cls = ReadString();
                    break;
                case "instance":
                    Expect(':');
                    instance = ReadInteger(int.MinValue, int.MaxValue, "an instance number");
                    break;
                case "type":
                    Expect(':');
                    type = (KstatType)ReadInteger(0, 4, "a kstat type from 0 to 4");
                    break;
                case "data":
                    Expect(':');
                    if (kstat is null && module is not null && name is not null && instance is not null)
                    {
                        kstat = _builder.Kstat(module, instance.Value, name, repeatStartsRound: false);
                    }

                    ReadData(kstat, kstat is null ? early ??= [] : null);
                    break;
                default:
                    Expect(':');
                    SkipValue(0); // the top-level "snaptime" is the header's, before the read: data.snaptime is the one kept.
                    break;
            }
        }

        if (module is null || name is null || instance is null)
        {
            throw _lines.Error("expected \"module\", \"instance\" and \"name\" in every kstat object", line, column);
        }

        kstat ??= _builder.Kstat(module, instance.Value, name, repeatStartsRound: false);
        kstat.Type = type ?? kstat.Type;
        foreach (var (statistic, text, quoted, valueLine, valueColumn) in early ?? [])
        {
            kstat.Add(statistic, text, valueLine, valueColumn, quoted);
        }

        // The "class" member is ks_class, wherever it stands: a "class" in the data (kstat(1) -j -p adds ks_class
        // there, and a kstat may have a statistic of that name) never replaces it.
        if (cls is not null)
        {
            kstat.Class = cls;
        }
    }

    // The statistics go straight to the kstat when it is open, else to a list until the object names it.
    private void ReadData(KstatAccumulator? kstat, List<PendingStatistic>? early)
    {
        Expect('{');
        while (NextMember('}'))
        {
            string name = ReadString();
            Expect(':');
            Need("a statistic value");
            int line = _lines.LineNumber;
            int column = Column;
            bool quoted = ReadValue(out var text);
            if (kstat is null)
            {
                early!.Add(new PendingStatistic(name, text.ToString(), quoted, line, column));
            }
            else
            {
                kstat.Add(name, text, line, column, quoted);
            }
        }
    }

    /// <summary>
    /// Moves to the next member of an object: <see langword="false"/> at its closing brace. The comma between members
    /// is optional and a trailing one is accepted (the 2013 kstat(1) printed both, and an unquoted value eats its comma).
    /// </summary>
    private bool NextMember(char close)
    {
        string expected = close == '}' ? "'\"' starting a member name or '}'" : "'\"' starting a member name or ']'";
        Need(expected);
        char c = Line[_position];
        if (c == close)
        {
            _position++;
            return false;
        }

        if (c == ',')
        {
            _position++;
            Need(expected);
            if (Line[_position] == close)
            {
                _position++;
                return false;
            }
        }

        return true;
    }

    // A value: a string (true: quoted), a number or true/false/null, or a 2013 unquoted char value (these lie in the
    // line, which stays until the next one is read).
    private bool ReadValue(out ReadOnlySpan<char> text)
    {
        char c = Line[_position];
        if (c == '"')
        {
            text = ReadString();
            return true;
        }

        if (c is '{' or '[' or ',' or '}' or ']')
        {
            throw Error($"expected a statistic value (a number or a string) but found '{c}'");
        }

        // A number, or true/false/null, ends where the value must end: before a ',', '}' or ']', or at the end of the line.
        var line = Line;
        int start = _position;
        bool number = char.IsAsciiDigit(c) || c == '-';
        while (_position < line.Length && (number ? char.IsAsciiDigit(line[_position]) || line[_position] is '-' or '+' or '.' or 'e' or 'E'
                                                  : char.IsAsciiLetterLower(line[_position])))
        {
            _position++;
        }

        text = line[start.._position];
        if ((number || text is "true" or "false" or "null") && ValueEndsHere())
        {
            return false;
        }

        // 2013 kstat(1) printed char values unquoted: the value is the rest of the line, less the comma.
        var rest = line[start..].TrimEnd(" \t");
        text = rest.EndsWith(",") ? rest[..^1] : rest;
        _position = line.Length;
        return false;
    }

    private bool ValueEndsHere()
    {
        var line = Line;
        int i = _position;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        return i == line.Length || line[i] is ',' or '}' or ']';
    }

    private int ReadInteger(int min, int max, string what)
    {
        Need(what);
        var line = Line;
        int start = _position;
        while (_position < line.Length && (char.IsAsciiDigit(line[_position]) || line[_position] == '-'))
        {
            _position++;
        }

        var text = line[start.._position];
        if (!CaptureValues.TryParseCanonical(text, out long value) || value < min || value > max)
        {
            _position = start;
            throw Error($"expected {what} but found '{CaptureLineReader.Shorten(line[start..])}'");
        }

        return (int)value;
    }

    private void Expect(char c)
    {
        if (!SkipBlanks())
        {
            throw _lines.Error($"expected '{c}' but the input ended (truncated JSON?)", _lines.LineNumber + 1, 1);
        }

        if (Line[_position] != c)
        {
            throw Error($"expected '{c}' but found '{Line[_position]}'");
        }

        _position++;
    }

    /// <summary>Skips blanks across lines and fails at the end of the input.</summary>
    private void Need(string what)
    {
        if (!SkipBlanks())
        {
            throw _lines.Error($"expected {what} but the input ended (truncated JSON?)", _lines.LineNumber + 1, 1);
        }
    }

    /// <summary>Skips blanks across lines; <see langword="false"/> at the end of the input.</summary>
    private bool SkipBlanks()
    {
        while (true)
        {
            var line = Line;
            while (_position < line.Length && line[_position] is ' ' or '\t' or '\r')
            {
                _position++;
            }

            if (_position < line.Length)
            {
                return true;
            }

            if (_atEnd || !_lines.TryReadLine(out ReadOnlyMemory<char> next))
            {
                _atEnd = true;
                return false;
            }

            _line = next;
            _position = 0;
        }
    }

    private KstatFormatException Error(string problem) => _lines.Error(problem, _lines.LineNumber, Column);

    // A statistic read before its object named its kstat, kept until it does.
    private readonly record struct PendingStatistic(string Name, string Text, bool Quoted, int Line, int Column);
}
