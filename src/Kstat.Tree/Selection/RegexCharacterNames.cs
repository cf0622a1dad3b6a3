namespace Kstat.Tree;

/// <summary>The character names a bracket expression accepts in <c>[.name.]</c> and <c>[=name=]</c>: the table of illumos regcomp (<c>cname.h</c>, the POSIX names).</summary>
internal static class RegexCharacterNames
{
    /// <summary>Looks a name up (case-sensitive, as regcomp does).</summary>
    public static bool TryGet(ReadOnlySpan<char> name, out char c)
    {
        // A switch over spans compiles to a length-and-character search: no table is built for the few patterns
        // that use a name at all.
        int code = name switch
        {
            "NUL" => 0x00, "SOH" => 0x01, "STX" => 0x02, "ETX" => 0x03, "EOT" => 0x04, "ENQ" => 0x05, "ACK" => 0x06,
            "BEL" or "alert" => 0x07, "BS" or "backspace" => 0x08, "HT" or "tab" => 0x09, "LF" or "newline" => 0x0A,
            "VT" or "vertical-tab" => 0x0B, "FF" or "form-feed" => 0x0C, "CR" or "carriage-return" => 0x0D,
            "SO" => 0x0E, "SI" => 0x0F, "DLE" => 0x10, "DC1" => 0x11, "DC2" => 0x12, "DC3" => 0x13, "DC4" => 0x14,
            "NAK" => 0x15, "SYN" => 0x16, "ETB" => 0x17, "CAN" => 0x18, "EM" => 0x19, "SUB" => 0x1A, "ESC" => 0x1B,
            "IS4" or "FS" => 0x1C, "IS3" or "GS" => 0x1D, "IS2" or "RS" => 0x1E, "IS1" or "US" => 0x1F,
            "space" => ' ', "exclamation-mark" => '!', "quotation-mark" => '"', "number-sign" => '#',
            "dollar-sign" => '$', "percent-sign" => '%', "ampersand" => '&', "apostrophe" => '\'',
            "left-parenthesis" => '(', "right-parenthesis" => ')', "asterisk" => '*', "plus-sign" => '+',
            "comma" => ',', "hyphen" or "hyphen-minus" => '-', "period" or "full-stop" => '.',
            "slash" or "solidus" => '/', "zero" => '0', "one" => '1', "two" => '2', "three" => '3', "four" => '4',
            "five" => '5', "six" => '6', "seven" => '7', "eight" => '8', "nine" => '9', "colon" => ':',
            "semicolon" => ';', "less-than-sign" => '<', "equals-sign" => '=', "greater-than-sign" => '>',
            "question-mark" => '?', "commercial-at" => '@', "left-square-bracket" => '[',
            "backslash" or "reverse-solidus" => '\\', "right-square-bracket" => ']',
            "circumflex" or "circumflex-accent" => '^', "underscore" or "low-line" => '_', "grave-accent" => '`',
            "left-brace" or "left-curly-bracket" => '{', "vertical-line" => '|',
            "right-brace" or "right-curly-bracket" => '}', "tilde" => '~', "DEL" => 0x7F,
            _ => -1,
        };

        c = (char)Math.Max(code, 0);
        return code >= 0;
    }
}
