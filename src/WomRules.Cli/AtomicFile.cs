using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace WomRules.Cli;

/// <summary>
/// Writes a file so that readers see the old content or the new, never a torn one: write a temporary file
/// <c>.NAME.GUID.tmp</c> beside it, flush it to disk, rename it over the target, then flush the folder (Unix), so that
/// the rename itself survives a crash. Temporary files that a killed writer left behind are removed on the next write.
/// </summary>
internal static partial class AtomicFile
{
    /// <summary>
    /// A temporary file of a target is stale when no writer holds it open and it has not changed for this long. A live
    /// writer holds its file locked from creation to rename; the age also covers the instants around those.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        RemoveStaleTemporaryFiles(full);
        var temporary = Path.Combine(folder, $"{TemporaryPrefix(full)}{Guid.NewGuid():N}.tmp");
        try
        {
            // FileShare.None locks it (an advisory lock on Unix), which is how another writer tells it is alive.
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
            FlushFolder(folder);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// Deletes the target's own temporary files (exactly <c>.NAME.&lt;32 hex digits&gt;.tmp</c>) that are stale: unchanged for
    /// <see cref="StaleAfter"/> and not locked by a writer. A file is opened exclusively and deleted on close, so one that
    /// a writer holds is never touched; a file that cannot be opened or deleted is left for a later write.
    /// </summary>
    internal static void RemoveStaleTemporaryFiles(string target)
    {
        var full = Path.GetFullPath(target);
        var folder = Path.GetDirectoryName(full)!;
        var prefix = TemporaryPrefix(full);
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, prefix + "*.tmp").ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var candidate in candidates)
        {
            var name = Path.GetFileName(candidate);
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !TemporarySuffix().IsMatch(name.AsSpan(prefix.Length))
                || DateTime.UtcNow - File.GetLastWriteTimeUtc(candidate) < StaleAfter)
            {
                continue;
            }

            try
            {
                using var stale = new FileStream(candidate, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Locked by a live writer, or not ours to delete.
            }
        }
    }

    private static string TemporaryPrefix(string full) => $".{Path.GetFileName(full)}.";

    /// <summary>On Unix, a rename is durable only once its folder is flushed; Windows has no such call, and NTFS journals renames.</summary>
    private static void FlushFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Best effort: some file systems refuse fsync on a folder, and the data itself is already on disk.
        try
        {
            var descriptor = Unix.Open(folder, 0 /* O_RDONLY */);
            if (descriptor >= 0)
            {
                _ = Unix.FSync(descriptor);
                _ = Unix.Close(descriptor);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A Unix without a "libc" to load: the rename stands, only its durability is not forced.
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.tmp$")]
    private static partial Regex TemporarySuffix();

    /// <summary>The three libc calls .NET does not offer for a folder (FileStream refuses to open one).</summary>
    /// <remarks>DllImport, not LibraryImport, which would need unsafe code in the whole project for three plain calls.</remarks>
    private static class Unix
    {
        [DllImport("libc", EntryPoint = "open")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "fsync")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int FSync(int descriptor);

        [DllImport("libc", EntryPoint = "close")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Close(int descriptor);
    }
}
