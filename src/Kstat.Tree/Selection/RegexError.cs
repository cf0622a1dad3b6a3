namespace Kstat.Tree;

/// <summary>The <c>regcomp(3C)</c> error codes an extended regular expression can earn, in illumos's words.</summary>
internal enum RegexError
{
    /// <summary><c>REG_BADPAT</c>: an empty expression or an empty branch (<c>//</c>, <c>a|</c>, <c>|a</c>, <c>a||b</c>).</summary>
    BadPattern,

    /// <summary><c>REG_ECOLLATE</c>: an unknown collating element (<c>[[.ab.]]</c>).</summary>
    Collate,

    /// <summary><c>REG_ECTYPE</c>: an unknown character class (<c>[[:word:]]</c>).</summary>
    CharacterType,

    /// <summary><c>REG_EESCAPE</c>: a backslash at the end.</summary>
    Escape,

    /// <summary><c>REG_EBRACK</c>: a <c>[</c> without its <c>]</c>.</summary>
    Bracket,

    /// <summary><c>REG_EPAREN</c>: unbalanced parentheses.</summary>
    Parenthesis,

    /// <summary><c>REG_EBRACE</c>: a <c>{</c> without its <c>}</c>.</summary>
    Brace,

    /// <summary><c>REG_BADBR</c>: a bad bound (<c>a{,3}</c>, <c>a{3,1}</c>, a bound over 255).</summary>
    BadBound,

    /// <summary><c>REG_ERANGE</c>: a range out of order or a stray <c>-</c> in brackets.</summary>
    Range,

    /// <summary><c>REG_ESPACE</c>: the expression is too large.</summary>
    Space,

    /// <summary><c>REG_BADRPT</c>: a repetition with nothing to repeat (<c>*a</c>, <c>^*</c>, <c>a**</c>, <c>{</c>).</summary>
    BadRepetition,

    /// <summary><c>REG_ECHAR</c>: an empty collating element (<c>[[..]]</c>).</summary>
    Character,
}

/// <summary>The texts of <see cref="RegexError"/>.</summary>
internal static class RegexErrors
{
    /// <summary>What illumos <c>regerror(3C)</c> says for the code, so that a message reads as kstat(1)'s does.</summary>
    public static string Text(this RegexError error) => error switch
    {
        RegexError.BadPattern => "invalid regular expression",
        RegexError.Collate => "invalid collating element",
        RegexError.CharacterType => "invalid character class",
        RegexError.Escape => "trailing backslash (\\)",
        RegexError.Bracket => "brackets ([ ]) not balanced",
        RegexError.Parenthesis => "parentheses not balanced",
        RegexError.Brace => "braces not balanced",
        RegexError.BadBound => "invalid repetition count(s)",
        RegexError.Range => "invalid character range",
        RegexError.Space => "out of memory",
        RegexError.BadRepetition => "repetition-operator operand invalid",
        _ => "illegal byte sequence",
    };
}
