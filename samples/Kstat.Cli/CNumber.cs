namespace Kstat.Cli;

/// <summary>C's <c>strtoul(s, &amp;end, 10)</c> as kstat(1) uses it to tell numbers from selectors.</summary>
internal static class CNumber
{
    /// <summary>Parses like <c>strtoul</c>: leading white space, an optional sign (a minus negates modulo 2^64), decimal digits.</summary>
    /// <param name="text">The argument.</param>
    /// <returns>Whether the whole text was a number (<c>*end == '\0'</c>; true for the empty string, as in C), whether it overflowed (<c>ERANGE</c>), and the value.</returns>
    public static Result StrToUL(string text)
    {
        int i = 0;
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
        {
            i++;
        }

        bool negative = false;
        if (i < text.Length && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }

        int digits = i;
        ulong value = 0;
        bool overflow = false;
        while (i < text.Length && text[i] is >= '0' and <= '9')
        {
            ulong digit = (ulong)(text[i] - '0');
            if (value > (ulong.MaxValue - digit) / 10)
            {
                overflow = true;
            }

            value = unchecked((value * 10) + digit);
            i++;
        }

        if (i == digits)
        {
            // No digits: strtoul sets end to the start of the text.
            return new Result(text.Length == 0, false, 0);
        }

        if (overflow)
        {
            return new Result(i == text.Length, true, ulong.MaxValue);
        }

        return new Result(i == text.Length, false, negative ? unchecked(0 - value) : value);
    }

    /// <summary>The outcome of <see cref="StrToUL"/>.</summary>
    /// <param name="IsNumber">The whole text was consumed.</param>
    /// <param name="Overflow">The value did not fit (<c>ERANGE</c>).</param>
    /// <param name="Value">The value, modulo 2^64 for a negative number.</param>
    internal readonly record struct Result(bool IsNumber, bool Overflow, ulong Value);
}
