using System.Globalization;
using Kstat.Tree;

namespace Kstat.Native;

/// <summary>One line of a procfs file, with its position, split into whitespace-separated tokens on demand.</summary>
internal readonly struct ProcfsLine(string source, int number, string text)
{
    public string Source { get; } = source;

    public int Number { get; } = number;

    public string Text { get; } = text;

    public bool IsBlank => string.IsNullOrWhiteSpace(Text);

    /// <summary>Splits the whole line (or the part from <paramref name="start"/>) on spaces and tabs, keeping 1-based columns.</summary>
    public List<ProcfsToken> Tokens(int start = 0)
    {
        var tokens = new List<ProcfsToken>();
        int i = start;
        while (i < Text.Length)
        {
            while (i < Text.Length && char.IsWhiteSpace(Text[i]))
            {
                i++;
            }

            int begin = i;
            while (i < Text.Length && !char.IsWhiteSpace(Text[i]))
            {
                i++;
            }

            if (i > begin)
            {
                tokens.Add(new ProcfsToken(Text[begin..i], begin + 1));
            }
        }

        return tokens;
    }

    public KstatFormatException Error(string problem, int column) => new(problem, Source, Number, column);

    /// <summary>Parses an unsigned decimal integer, or says where and what was expected.</summary>
    public ulong UInt64(ProcfsToken token, string what) => Integer<ulong>(token, what, NumberStyles.None, "an unsigned decimal integer");

    /// <summary>Parses a signed decimal integer, or says where and what was expected.</summary>
    public long Int64(ProcfsToken token, string what) => Integer<long>(token, what, NumberStyles.AllowLeadingSign, "a decimal integer");

    /// <summary>Parses a signed decimal integer that must fit 32 bits, or says where and what was expected.</summary>
    public int Int32(ProcfsToken token, string what) => Integer<int>(token, what, NumberStyles.AllowLeadingSign, "a 32-bit decimal integer");

    /// <summary>Parses an unsigned decimal integer that must fit 32 bits, or says where and what was expected.</summary>
    public uint UInt32(ProcfsToken token, string what) => Integer<uint>(token, what, NumberStyles.None, "an unsigned 32-bit decimal integer");

    /// <summary>
    /// Parses a decimal fraction, multiplies it by <paramref name="scale"/> and truncates it to a <typeparamref name="T"/>,
    /// or says where the number does not fit (a damaged file must not surface as an <see cref="OverflowException"/>).
    /// </summary>
    public T Scaled<T>(ProcfsToken token, decimal scale, string what)
        where T : System.Numerics.IBinaryInteger<T>
    {
        decimal value = Decimal(token, what);
        try
        {
            return T.CreateChecked(decimal.Truncate(value * scale));
        }
        catch (OverflowException)
        {
            throw Error($"expected {what} but found '{token.Text}', which is out of range", token.Column);
        }
    }

    // One integer parser for every width: a value that does not parse or does not fit is a positioned format error.
    private T Integer<T>(ProcfsToken token, string what, NumberStyles style, string expected)
        where T : System.Numerics.IBinaryInteger<T> =>
        T.TryParse(token.Text, style, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Error($"expected {what} ({expected}) but found '{token.Text}'", token.Column);

    /// <summary>Parses a decimal fraction such as <c>0.33</c> exactly.</summary>
    public decimal Decimal(ProcfsToken token, string what) =>
        decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal v)
            ? v
            : throw Error($"expected {what} (a decimal number) but found '{token.Text}'", token.Column);

    /// <summary>Returns the tokens, or says how many were expected when there are fewer than <paramref name="count"/>.</summary>
    public List<ProcfsToken> AtLeast(List<ProcfsToken> tokens, int count, string what)
    {
        if (tokens.Count < count)
        {
            throw Error($"expected {what} ({count} fields) but found {tokens.Count}", Text.Length + 1);
        }

        return tokens;
    }

    /// <summary>Splits a file into lines numbered from 1.</summary>
    public static IEnumerable<ProcfsLine> Split(string source, string text)
    {
        using var reader = new StringReader(text);
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            yield return new ProcfsLine(source, number, line);
        }
    }
}
