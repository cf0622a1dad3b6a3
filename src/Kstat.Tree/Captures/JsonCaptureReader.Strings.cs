using System.Text;

namespace Kstat.Tree;

/// <content>JSON strings as kstat(1) escapes them, and skipping members the reader does not use.</content>
internal sealed partial class JsonCaptureReader
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    private readonly List<byte> _bytes = [];
    private char[] _text = new char[256]; // the string being unescaped
    private int _textLength;

    /// <summary>Reads a string and returns its shared instance (kstat -j repeats its keys, names and most values in every object).</summary>
    private string ReadString()
    {
        Need("'\"' starting a string");
        var line = Line;
        if (line[_position] != '"')
        {
            throw Error($"expected '\"' starting a string but found '{line[_position]}'");
        }

        _position++;
        int start = _position;
        int stop = line[start..].IndexOfAny('"', '\\');
        if (stop >= 0 && line[start + stop] == '"')
        {
            _position = start + stop + 1;
            return _builder.Intern(line.Slice(start, stop)); // no escape: the text as it is
        }

        _textLength = 0;
        _bytes.Clear();
        while (true)
        {
            if (_position >= line.Length)
            {
                throw Error("expected '\"' ending the string but the line ended");
            }

            char c = line[_position++];
            if (c == '"')
            {
                FlushBytes();
                return _builder.Intern(_text.AsSpan(0, _textLength));
            }

            if (c != '\\')
            {
                FlushBytes();
                Append(c);
                continue;
            }

            if (_position >= line.Length)
            {
                throw Error("expected an escaped character after '\\' but the line ended");
            }

            char e = line[_position++];
            if (e == 'u')
            {
                int code = ReadHex4();
                if (code is >= 0x80 and <= 0xFF)
                {
                    _bytes.Add((byte)code); // one byte of a UTF-8 sequence kstat(1) escaped byte by byte
                    continue;
                }

                FlushBytes();
                Append((char)code);
                continue;
            }

            FlushBytes();
            Append(e switch
            {
                '"' or '\\' or '/' or '?' or '\'' => e, // '?' is kstat(1)'s own escape
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\b',
                'f' => '\f',
                _ => throw _lines.Error($"expected one of \\\" \\\\ \\/ \\? \\n \\t \\r \\b \\f \\uXXXX but found '\\{e}'", _lines.LineNumber, _position - 1),
            });
        }
    }

    private void Append(char c)
    {
        if (_textLength == _text.Length)
        {
            Array.Resize(ref _text, _text.Length * 2);
        }

        _text[_textLength++] = c;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            Append(c);
        }
    }

    private int ReadHex4()
    {
        var line = Line;
        if (_position + 4 > line.Length
            || !int.TryParse(line.Slice(_position, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out int code))
        {
            throw Error("expected four hex digits after '\\u'");
        }

        _position += 4;
        return code;
    }

    private void FlushBytes()
    {
        if (_bytes.Count == 0)
        {
            return;
        }

        var bytes = _bytes.ToArray();
        try
        {
            Append(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            foreach (byte b in bytes)
            {
                Append((char)b);
            }
        }

        _bytes.Clear();
    }

    private void SkipValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"expected at most {MaxDepth} nested JSON levels but found more");
        }

        Need("a value");
        char c = Line[_position];
        switch (c)
        {
            case '"':
                ReadString();
                return;
            case '{':
                _position++;
                while (NextMember('}'))
                {
                    ReadString();
                    Expect(':');
                    SkipValue(depth + 1);
                }

                return;
            case '[':
                _position++;
                while (true)
                {
                    Need("a value or ']'");
                    if (Line[_position] == ']')
                    {
                        _position++;
                        return;
                    }

                    if (Line[_position] == ',')
                    {
                        _position++;
                        continue;
                    }

                    SkipValue(depth + 1);
                }

            default:
                ReadValue(out _);
                return;
        }
    }
}
