using System.Text;

namespace Kstat.Tree;

/// <summary>
/// Reads a capture line by line with bounded memory: a line longer than <see cref="MaxLineLength"/>, a NUL
/// character or bytes that are not UTF-8 end the read with a <see cref="KstatFormatException"/>.
/// </summary>
/// <remarks>
/// <see cref="TryReadLine(out ReadOnlySpan{char})"/> hands out the line where it lies in the read buffer, so that a large capture costs no
/// string per line; the span is valid until the next read. The buffer grows only for a line longer than itself.
/// </remarks>
internal sealed class CaptureLineReader
{
    /// <summary>The longest line accepted (1 MiB of characters); kstat(1) never prints anything close.</summary>
    internal const int MaxLineLength = 1 << 20;

    // A line ends at '\n' (found by a packed search, the fastest there is); a NUL, and a U+FFFD where it is what the
    // replacing decoder makes of bad bytes, end the input with an error: they are looked for once per read of the
    // input (_bad), not once per line.
    private const char Replacement = '\uFFFD';

    private readonly TextReader _reader;
    private readonly Queue<(string Line, int Number)> _pushedBack = new();
    private readonly bool _replacementIsInvalid;
    private char[] _buffer;
    private int _start;  // the first character not returned yet
    private int _length; // the characters in the buffer
    private int _lastRead;
    private int _bad = -1; // where the first NUL (or bad-byte U+FFFD) not returned yet is in the buffer, if any
    private bool _eof;

    /// <param name="reader">The text.</param>
    /// <param name="sourceName">The name for error messages.</param>
    /// <param name="replacementIsInvalid">Whether U+FFFD marks bytes the decoder could not read (a reader this library
    /// opened with a replacing decoder, so that the error gets its exact line and column).</param>
    /// <param name="bufferSize">The characters read at a time (the buffer grows for a longer line).</param>
    public CaptureLineReader(TextReader reader, string? sourceName, bool replacementIsInvalid = false, int bufferSize = 32768)
    {
        _reader = reader;
        _buffer = new char[bufferSize];
        SourceName = sourceName;
        _replacementIsInvalid = replacementIsInvalid;
    }

    public string? SourceName { get; }

    /// <summary>Gets the 1-based number of the line last returned (0 before the first).</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next line without its terminator (<c>\n</c> or <c>\r\n</c>), or <c>null</c> at the end.</summary>
    public string? ReadLine()
    {
        if (_pushedBack.Count > 0)
        {
            return Replay();
        }

        return TryReadLine(out ReadOnlySpan<char> line) ? line.ToString() : null;
    }

    /// <summary>Reads the next line without its terminator into a span that stays valid until the next read.</summary>
    /// <param name="line">The line; empty at the end.</param>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        if (_pushedBack.Count > 0)
        {
            line = Replay();
            return true;
        }

        if (!NextLine(out int first, out int length))
        {
            line = default;
            return false;
        }

        line = _buffer.AsSpan(first, length);
        return true;
    }

    /// <summary>Reads the next line as <see cref="TryReadLine(out ReadOnlySpan{char})"/> does, as memory a reader can keep in a field until its next read.</summary>
    /// <param name="line">The line; empty at the end.</param>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    public bool TryReadLine(out ReadOnlyMemory<char> line)
    {
        if (_pushedBack.Count > 0)
        {
            line = Replay().AsMemory();
            return true;
        }

        if (!NextLine(out int first, out int length))
        {
            line = default;
            return false;
        }

        line = new ReadOnlyMemory<char>(_buffer, first, length);
        return true;
    }

    // The next line of the input in the buffer, without its terminator, a CR before it, or a byte order mark.
    private bool NextLine(out int first, out int length)
    {
        int scan = _start; // characters before this one hold no stop
        int end;
        while (true)
        {
            int stop = _buffer.AsSpan(scan, _length - scan).IndexOf('\n');
            if (stop >= 0)
            {
                int at = scan + stop;
                CheckBad(at);
                CheckLength(at - _start);
                end = at;
                break;
            }

            CheckBad(_length);
            CheckLength(_length - _start);
            int scanned = _length - _start;
            if (!Fill())
            {
                if (_length == _start)
                {
                    first = length = 0;
                    return false;
                }

                end = _length; // the last line has no terminator
                break;
            }

            scan = _start + scanned;
        }

        first = _start;
        _start = end < _length ? end + 1 : end;
        LineNumber++;
        if (end > first && _buffer[end - 1] == '\r')
        {
            end--;
        }

        if (LineNumber == 1 && end > first && _buffer[first] == '\uFEFF')
        {
            first++; // a byte order mark that a decoder left in the text
        }

        length = end - first;
        return true;
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

    private string Replay()
    {
        var (line, number) = _pushedBack.Dequeue();

        // After the last replayed line, numbering goes on from the last line read from the input.
        LineNumber = _pushedBack.Count == 0 ? Math.Max(number, _lastRead) : number;
        return line;
    }

    // A NUL or bad bytes before this point of the line in progress.
    private void CheckBad(int before)
    {
        if (_bad >= 0 && _bad < before)
        {
            CheckLength(_bad - _start); // a line too long before them is what is wrong first
            throw _buffer[_bad] == '\0'
                ? Error("expected kstat(1) text but found a NUL character (a binary file?)", LineNumber + 1, _bad - _start + 1)
                : Error("expected UTF-8 text but found bytes that are not (a binary file?)", LineNumber + 1, _bad - _start + 1);
        }
    }

    private void CheckLength(int length)
    {
        if (length > MaxLineLength)
        {
            throw Error($"expected a kstat(1) line of at most {MaxLineLength} characters but found a longer one", LineNumber + 1, MaxLineLength + 1);
        }
    }

    // Moves the line in progress to the front (growing the buffer when it fills it) and reads more after it.
    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        int kept = _length - _start;
        if (kept == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, kept).CopyTo(_buffer);
        }

        if (_bad >= 0)
        {
            _bad -= _start;
        }

        _start = 0;
        _length = kept;
        int read;
        try
        {
            read = _reader.Read(_buffer, _length, _buffer.Length - _length);
        }
        catch (DecoderFallbackException e)
        {
            throw new KstatFormatException(
                $"expected UTF-8 text but found bytes that are not (a binary file?): {e.Message}", SourceName, LineNumber + 1, kept + 1);
        }

        if (_bad < 0)
        {
            var added = _buffer.AsSpan(_length, read);
            int bad = _replacementIsInvalid ? added.IndexOfAny('\0', Replacement) : added.IndexOf('\0');
            _bad = bad < 0 ? -1 : _length + bad;
        }

        _length += read;
        _eof = read == 0;
        return !_eof;
    }
}
