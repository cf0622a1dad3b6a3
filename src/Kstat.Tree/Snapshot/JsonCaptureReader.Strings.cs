using System.Text;

namespace Kstat.Tree;

/// <content>JSON strings as kstat(1) escapes them, and skipping members the reader does not use.</content>
internal sealed partial class JsonCaptureReader
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    private readonly StringBuilder _text = new();
    private readonly List<byte> _bytes = [];

    /// <summary>Reads a string on the current line (kstat(1) never breaks one), undoing <c>ks_print_json_string</c>.</summary>
    private string ReadString()
    {
        Need("'\"' starting a string");
        if (_line[_position] != '"')
        {
            throw Error($"expected '\"' starting a string but found '{_line[_position]}'");
        }

        _position++;
        _text.Clear();
        _bytes.Clear();
        while (true)
        {
            if (_position >= _line.Length)
            {
                throw Error("expected '\"' ending the string but the line ended");
            }

            char c = _line[_position++];
            if (c == '"')
            {
                FlushBytes();
                return _text.ToString();
            }

            if (c != '\\')
            {
                FlushBytes();
                _text.Append(c);
                continue;
            }

            if (_position >= _line.Length)
            {
                throw Error("expected an escaped character after '\\' but the line ended");
            }

            char e = _line[_position++];
            if (e == 'u')
            {
                int code = ReadHex4();
                if (code is >= 0x80 and <= 0xFF)
                {
                    _bytes.Add((byte)code); // one byte of a UTF-8 sequence kstat(1) escaped byte by byte
                    continue;
                }

                FlushBytes();
                _text.Append((char)code);
                continue;
            }

            FlushBytes();
            _text.Append(e switch
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

    private int ReadHex4()
    {
        if (_position + 4 > _line.Length
            || !int.TryParse(_line.AsSpan(_position, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out int code))
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
            _text.Append(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            foreach (byte b in bytes)
            {
                _text.Append((char)b);
            }
        }

        _bytes.Clear();
    }

    /// <summary>Skips any JSON value (a member the reader does not use), nested no deeper than <see cref="MaxDepth"/>.</summary>
    private void SkipValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"expected at most {MaxDepth} nested JSON levels but found more");
        }

        Need("a value");
        char c = _line[_position];
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
                    if (_line[_position] == ']')
                    {
                        _position++;
                        return;
                    }

                    if (_line[_position] == ',')
                    {
                        _position++;
                        continue;
                    }

                    SkipValue(depth + 1);
                }

            default:
                ReadValue();
                return;
        }
    }
}
