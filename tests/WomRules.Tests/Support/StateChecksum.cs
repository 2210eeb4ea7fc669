using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace WomRules.Tests.Support;

/// <summary>
/// The state file checksum recipe of docs/semantics.md, written from the docs and independently of the product: the
/// SHA-256 of the file's bytes with the 64 hex digits of <c>"checksum": "sha256:…"</c> replaced by 64 zeros.
/// </summary>
internal static partial class StateChecksum
{
    /// <summary>The file with its checksum set to what the recipe gives.</summary>
    public static byte[] Seal(byte[] file)
    {
        var digits = Digits(file);
        var zeroed = (byte[])file.Clone();
        zeroed.AsSpan(digits.Index, 64).Fill((byte)'0');
        var hex = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(zeroed)));
        hex.CopyTo(zeroed, digits.Index);
        return zeroed;
    }

    /// <summary>Whether the checksum the file records is what the recipe gives.</summary>
    public static bool Verifies(byte[] file) => Seal(file).AsSpan().SequenceEqual(file);

    private static Group Digits(byte[] file) =>
        ChecksumMember().Match(Encoding.Latin1.GetString(file)) is { Success: true } match
            ? match.Groups[1]
            : throw new InvalidOperationException("the file has no \"checksum\": \"sha256:…\" member");

    [GeneratedRegex("\"checksum\"\\s*:\\s*\"sha256:([0-9a-f]{64})\"")]
    private static partial Regex ChecksumMember();
}
