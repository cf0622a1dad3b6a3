using System.Buffers;
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

    // What ends a line: '\n', or a NUL or a U+FFFD that the replacing decoder made of bad bytes, which end the input
    // with an error.
    private static readonly SearchValues<char> LineEnds = SearchValues.Create("\n\0");
    private static readonly SearchValues<char> LineEndsOrReplacement = SearchValues.Create("\n\0\uFFFD");

    private readonly TextReader _reader;
    private readonly Queue<(string Line, int Number)> _pushedBack = new();
    private readonly SearchValues<char> _stops;
    private char[] _buffer;
    private int _start;  // the first character not returned yet
    private int _length; // the characters in the buffer
    private int _lastRead;
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
        _stops = replacementIsInvalid ? LineEndsOrReplacement : LineEnds;
    }

    public string? SourceName { get; }

    /// <summary>Gets the 1-based number of the line last returned (0 before the first).</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next line without its terminator (<c>\n</c> or <c>\r\n</c>), or <c>null</c> at the end.</summary>
    public string? ReadLine() => TryReadLine(out ReadOnlyMemory<char> line) ? line.ToString() : null;

    /// <summary>Reads the next line without its terminator, where it lies in the read buffer: valid until the next read.</summary>
    /// <param name="line">The line; empty at the end.</param>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        bool read = TryReadLine(out ReadOnlyMemory<char> memory);
        line = memory.Span;
        return read;
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
            int stop = _buffer.AsSpan(scan, _length - scan).IndexOfAny(_stops);
            if (stop >= 0)
            {
                int at = scan + stop;
                CheckLength(at - _start);
                if (_buffer[at] != '\n')
                {
                    throw _buffer[at] == '\0'
                        ? Error("expected kstat(1) text but found a NUL character (a binary file?)", LineNumber + 1, at - _start + 1)
                        : Error("expected UTF-8 text but found bytes that are not (a binary file?)", LineNumber + 1, at - _start + 1);
                }

                end = at;
                break;
            }

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

    /// <summary>Quotes text in an error: at most its first 40 characters.</summary>
    public static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "…");

    private string Replay()
    {
        var (line, number) = _pushedBack.Dequeue();

        // After the last replayed line, numbering goes on from the last line read from the input.
        LineNumber = _pushedBack.Count == 0 ? Math.Max(number, _lastRead) : number;
        return line;
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

        _length += read;
        _eof = read == 0;
        return !_eof;
    }
}
