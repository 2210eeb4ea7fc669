namespace WomRules.Runtime;

/// <summary>
/// A state file that cannot be used, as an <see cref="InvalidDataException"/> whose message says where (a JSON path,
/// and the line and byte in the file when known) and what: <c>$.participants.u-1.points (line 3, byte 17): must not be negative, but is -1</c>.
/// </summary>
internal static class StateFileError
{
    private const string WithoutPositionKey = "WomRules.StateFile.WithoutPosition";

    /// <summary>The error; <paramref name="line"/> and <paramref name="column"/> are 1-based, the column counted in bytes.</summary>
    public static InvalidDataException Create(string path, int? line, int? column, string detail)
    {
        var error = new InvalidDataException(line is null ? $"{path}: {detail}" : $"{path} (line {line}, byte {column}): {detail}");
        error.Data[WithoutPositionKey] = $"{path}: {detail}";
        return error;
    }

    /// <summary>The message without the line and byte, for a state whose text the user did not write (a scenario's inline state).</summary>
    public static string WithoutPosition(InvalidDataException error) => error.Data[WithoutPositionKey] as string ?? error.Message;
}
