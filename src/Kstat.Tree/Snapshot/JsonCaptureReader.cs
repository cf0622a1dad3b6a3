using System.Globalization;
using System.Text;

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
    private string _line = string.Empty;
    private int _position;
    private bool _atEnd;

    private JsonCaptureReader(CaptureLineReader lines, CaptureBuilder builder)
    {
        _lines = lines;
        _builder = builder;
    }

    private int Column => _position + 1;

    public static void Read(CaptureLineReader lines, CaptureBuilder builder) => new JsonCaptureReader(lines, builder).ReadRounds();

    private void ReadRounds()
    {
        while (SkipBlanks())
        {
            if (_line[_position] == '[')
            {
                _position++;
                ReadRound();
                _builder.CloseRound();
                continue;
            }

            string rest = _line[_position..];
            if (!CaptureTimestamps.IsTimestamp(rest))
            {
                throw Error($"expected '[' starting a round of kstat -j output but found '{CaptureBuilder.Shorten(rest)}'");
            }

            _builder.Timestamp(rest);
            _position = _line.Length;
        }
    }

    private void ReadRound()
    {
        Need("']' ending the round");
        if (_line[_position] == ',')
        {
            _position++; // "[, {": kstat(1) never resets its object counter between rounds.
        }

        while (true)
        {
            Need("'{' starting a kstat or ']' ending the round");
            char c = _line[_position];
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
            c = _line[_position];
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
        var statistics = new List<(string Name, string Text, bool Quoted, int Line, int Column)>();
        while (NextMember('}'))
        {
            string key = ReadString();
            Expect(':');
            switch (key)
            {
                case "module":
                    module = ReadString();
                    break;
                case "name":
                    name = ReadString();
                    break;
                case "class":
                    cls = ReadString();
                    break;
                case "instance":
                    instance = ReadInteger(int.MinValue, int.MaxValue, "an instance number");
                    break;
                case "type":
                    type = (KstatType)ReadInteger(0, 4, "a kstat type from 0 to 4");
                    break;
                case "data":
                    ReadData(statistics);
                    break;
                default:
                    SkipValue(0); // the top-level "snaptime" is the header's, before the read: data.snaptime is the one kept.
                    break;
            }
        }

        if (module is null || name is null || instance is null)
        {
            throw _lines.Error("expected \"module\", \"instance\" and \"name\" in every kstat object", line, column);
        }

        var kstat = _builder.Kstat(module, instance.Value, name, repeatStartsRound: false);
        kstat.Type = type ?? kstat.Type;
        if (cls is not null)
        {
            kstat.Class = _builder.Intern(cls);
        }

        foreach (var (statName, text, quoted, valueLine, valueColumn) in statistics)
        {
            if (quoted)
            {
                kstat.AddQuoted(statName, text, valueLine, valueColumn);
            }
            else
            {
                kstat.Add(statName, text, valueLine, valueColumn);
            }
        }
    }

    private void ReadData(List<(string Name, string Text, bool Quoted, int Line, int Column)> statistics)
    {
        Expect('{');
        while (NextMember('}'))
        {
            string name = _builder.Intern(ReadString());
            Expect(':');
            Need("a statistic value");
            int line = _lines.LineNumber;
            int column = Column;
            var (text, quoted) = ReadValue();
            statistics.Add((name, text, quoted, line, column));
        }
    }

    /// <summary>
    /// Moves to the next member of an object: <see langword="false"/> at its closing brace. The comma between members
    /// is optional and a trailing one is accepted (the 2013 kstat(1) printed both, and an unquoted value eats its comma).
    /// </summary>
    private bool NextMember(char close)
    {
        Need($"'\"' starting a member name or '{close}'");
        char c = _line[_position];
        if (c == close)
        {
            _position++;
            return false;
        }

        if (c == ',')
        {
            _position++;
            Need($"'\"' starting a member name or '{close}'");
            if (_line[_position] == close)
            {
                _position++;
                return false;
            }
        }

        return true;
    }

    private (string Text, bool Quoted) ReadValue()
    {
        char c = _line[_position];
        if (c == '"')
        {
            return (ReadString(), true);
        }

        if (c is '{' or '[' or ',' or '}' or ']')
        {
            throw Error($"expected a statistic value (a number or a string) but found '{c}'");
        }

        // A number, or true/false/null, ends where the value must end: before a ',', '}' or ']', or at the end of the line.
        int start = _position;
        bool number = char.IsAsciiDigit(c) || c == '-';
        while (_position < _line.Length && (number ? char.IsAsciiDigit(_line[_position]) || _line[_position] is '-' or '+' or '.' or 'e' or 'E'
                                                   : char.IsAsciiLetterLower(_line[_position])))
        {
            _position++;
        }

        string token = _line[start.._position];
        if ((number || token is "true" or "false" or "null") && ValueEndsHere())
        {
            return (token, false);
        }

        // 2013 kstat(1) printed char values unquoted: the value is the rest of the line, less the comma.
        var rest = _line.AsSpan(start).TrimEnd(" \t");
        string text = (rest.EndsWith(",") ? rest[..^1] : rest).ToString();
        _position = _line.Length;
        return (text, false);
    }

    private bool ValueEndsHere()
    {
        int i = _position;
        while (i < _line.Length && _line[i] is ' ' or '\t')
        {
            i++;
        }

        return i == _line.Length || _line[i] is ',' or '}' or ']';
    }

    private int ReadInteger(int min, int max, string what)
    {
        Need(what);
        int start = _position;
        while (_position < _line.Length && (char.IsAsciiDigit(_line[_position]) || _line[_position] == '-'))
        {
            _position++;
        }

        var text = _line.AsSpan(start, _position - start);
        if (!CaptureValues.IsCanonicalInteger(text)
            || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            || value < min || value > max)
        {
            _position = start;
            throw Error($"expected {what} but found '{CaptureBuilder.Shorten(_line[start..])}'");
        }

        return (int)value;
    }

    private void Expect(char c)
    {
        Need($"'{c}'");
        if (_line[_position] != c)
        {
            throw Error($"expected '{c}' but found '{_line[_position]}'");
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
            while (_position < _line.Length && _line[_position] is ' ' or '\t' or '\r')
            {
                _position++;
            }

            if (_position < _line.Length)
            {
                return true;
            }

            if (_atEnd || _lines.ReadLine() is not { } next)
            {
                _atEnd = true;
                return false;
            }

            _line = next;
            _position = 0;
        }
    }

    private KstatFormatException Error(string problem) => _lines.Error(problem, _lines.LineNumber, Column);
}
