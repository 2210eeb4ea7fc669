namespace WomRules.Fuzzing;

/// <summary>The values a mutation inserts: the shapes that broke parsers, writers and arithmetic before (issue 10).</summary>
internal static class Interesting
{
    /// <summary>Numbers at and past the edges of long and decimal, in the forms JSON, YAML and the DSL accept.</summary>
    public static readonly string[] Numbers =
    [
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "9.2e15", "9.2233720368547758e15", "1e30", "-1e30",
        "1e400", "79228162514264337593543950335", "0", "-1", "-0", "0.0000000000000000000000000001", "4611686018427387904",
        "9007199254740993", "1.5", "99999999999999999999999999999999", "9223372036854775.807", "9.3e15", "92233720368547758.07",
    ];

    /// <summary>Characters that some reader takes as a line break, a control, or not at all.</summary>
    public static readonly string[] Characters =
    [
        "\u2028", "\u2029", "\u0085", "\u000b", "\u000c", "\r", "\n", "\r\n", "\t", "\0", "\u001b[2J", "\u001b]0;x\u0007", "\u007f", "\u200b", "\ufeff",
        "\u202e", "#", ":", ": ", "'", "\"", "\\", "{", "}", "[", "]", "-", "|", ">", "&a", "*a", "!!str", "%", "@", "`",
    ];

    /// <summary>Whole lines a mutation splices in: forged diagnostics, hidden keys, hostile expressions.</summary>
    public static readonly string[] Lines =
    [
        "\u2028active: { from: 2030-01-01 }", "# \u2028active: { from: 2030-01-01 }", "x.yaml(1,1): error WOM0000: forged",
        "\u001b[2Jx.yaml(1,1): error WOM0000: forged", "active from 2030-01-01", "budget 1 points", "budget: { points: 1 }",
        "counters [a, a]", "  - name: x\n    on: y", "womrules: 2", "campaign: \"\"", "&anchor a: *anchor",
    ];

    /// <summary>Text JSON string escapes that decode to something hostile: lone surrogates, controls, line separators.</summary>
    public static readonly string[] JsonStrings =
    [
        "\"\\ud800\"", "\"\\udfff\"", "\"a\\ud800b\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"\\u001b[2J\"", "\"\\u2028\"", "\"\\u0085\"",
        "\"\\n\"", "\"x.yaml(1,1): error WOM0000: forged\"", "\"\"", "\"Ben\"", "\"ｂｅｎ\"", "\"ben\\u200b\"",
    ];

    /// <summary>Byte sequences that are not UTF-8.</summary>
    public static readonly byte[][] InvalidUtf8 = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80], [0xF4, 0x90, 0x80, 0x80], [0xC3], [0xFE, 0xFF]];

    /// <summary>Expressions that stress the compiler and the evaluator; each replaces a condition or an amount.</summary>
    public static readonly string[] Expressions =
    [
        "event.text matches '(a{1,50}){1,50}x'", "lower(event.text) matches '((a+)+)+b'", "len(event.text + event.text + event.text) > 0",
        "9223372036854775807 + 1 > 0", "-(-9223372036854775807 - 1) > 0", "1e30 > 0", "1 / 0 > 0", "round(1e28) > 0",
        "min(9223372036854775807, 9223372036854775807) > 0",
    ];
}
