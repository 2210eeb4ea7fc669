namespace WomRules.Text;

/// <summary>"a" or "an" before a noun in a message ("an int", "a decimal", "an event attribute"), by its first letter.</summary>
internal static class Articles
{
    public static string A(string noun) => (noun.Length > 0 && "aeiouAEIOU".Contains(noun[0]) ? "an " : "a ") + noun;
}
