using System.Text;

namespace Kstat.Tree;

/// <summary>
/// Reads a capture line by line with bounded memory: a line longer than <see cref="MaxLineLength"/>, a NUL
/// character or bytes that are not UTF-8 end the read with a <see cref="KstatFormatException"/>.
/// </summary>
internal sealed class CaptureLineReader
{
    /// <summary>The longest line accepted (1 MiB of characters); kstat(1) never prints anything close.</summary>
    internal const int MaxLineLength = 1 << 20;

    // Where a line needs attention: its end, a NUL, and U+FFFD (what the replacing decoder makes of bad bytes).
    private static readonly System.Buffers.SearchValues<char> Stops = System.Buffers.SearchValues.Create("\n\0\uFFFD");

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[8192];
    private readonly StringBuilder _line = new();
    private readonly Queue<(string Line, int Number)> _pushedBack = new();
    private int _length;
    private int _lastRead;
    private readonly bool _replacementIsInvalid;
    private int _position;
    private bool _eof;

    /// <param name="reader">The text.</param>
    /// <param name="sourceName">The name for error messages.</param>
    /// <param name="replacementIsInvalid">Whether U+FFFD marks bytes the decoder could not read (a reader this library
    /// opened with a replacing decoder, so that the error gets its exact line and column).</param>
    public CaptureLineReader(TextReader reader, string? sourceName, bool replacementIsInvalid = false)
    {
        _reader = reader;
        SourceName = sourceName;
        _replacementIsInvalid = replacementIsInvalid;
    }

    public string? SourceName { get; }

    /// <summary>Gets the 1-based number of the line last returned (0 before the first).</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next line without its terminator (<c>\n</c> or <c>\r\n</c>), or <c>null</c> at the end.</summary>
    public string? ReadLine()
    {
        if (_pushedBack.TryDequeue(out var pushed))
        {
            // After the last replayed line, numbering goes on from the last line read from the input.
            LineNumber = _pushedBack.Count == 0 ? Math.Max(pushed.Number, _lastRead) : pushed.Number;
            return pushed.Line;
        }

        _line.Clear();
        bool any = false;
        while (true)
        {
            if (_position == _length && !Fill())
            {
                if (!any)
                {
                    return null;
                }

                break;
            }

            any = true;
            var chunk = _buffer.AsSpan(_position, _length - _position);
            int stop = chunk.IndexOfAny(Stops);
            int take = stop < 0 ? chunk.Length : stop;
            if (_line.Length + take > MaxLineLength)
            {
                throw Error($"expected a kstat(1) line of at most {MaxLineLength} characters but found a longer one", LineNumber + 1, MaxLineLength + 1);
            }

            _line.Append(chunk[..take]);
            _position += take;
            if (stop < 0)
            {
                continue;
            }

            char c = chunk[stop];
            _position++;
            if (c == '\n')
            {
                break;
            }

            if (c == '\0')
            {
                throw Error("expected kstat(1) text but found a NUL character (a binary file?)", LineNumber + 1, _line.Length + 1);
            }

            if (_replacementIsInvalid)
            {
                throw Error("expected UTF-8 text but found bytes that are not (a binary file?)", LineNumber + 1, _line.Length + 1);
            }

            _line.Append(c); // a U+FFFD that was in the text itself
        }

        LineNumber++;
        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }

        if (LineNumber == 1 && _line.Length > 0 && _line[0] == '\uFEFF')
        {
            _line.Remove(0, 1); // a byte order mark that a decoder left in the text
        }

        return _line.ToString();
    }

    /// <summary>Replays lines already read (for format detection), with their numbers, before the rest of the input.</summary>
    public void PushBack(IEnumerable<(string Line, int Number)> lines)
    {
        _lastRead = LineNumber;
        foreach (var line in lines)
        {
            _pushedBack.Enqueue(line);
        }
    }

    public KstatFormatException Error(string problem, int line, int column) => new(problem, SourceName, line, column);

    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        try
        {
            _length = _reader.Read(_buffer, 0, _buffer.Length);
        }
        catch (DecoderFallbackException e)
        {
            throw new KstatFormatException(
                $"expected UTF-8 text but found bytes that are not (a binary file?): {e.Message}", SourceName, LineNumber + 1, _line.Length + 1);
        }

        _position = 0;
        _eof = _length == 0;
        return !_eof;
    }
}
