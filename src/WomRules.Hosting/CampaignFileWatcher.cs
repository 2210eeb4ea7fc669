namespace WomRules.Hosting;

/// <summary>
/// Watches one campaign file and calls back once it has stayed unchanged for the delay (an editor's save is often
/// several writes, or a write to a temporary file and a rename). The callback runs on the thread pool, off any request.
/// </summary>
internal sealed class CampaignFileWatcher : IDisposable
{
    private readonly FileSystemWatcher watcher;
    private readonly Timer timer;
    private readonly TimeSpan delay;

    public CampaignFileWatcher(string path, TimeSpan delay, Func<Task> changed)
    {
        this.delay = delay;
        timer = new Timer(_ => _ = changed(), null, Timeout.Infinite, Timeout.Infinite);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        watcher = new FileSystemWatcher(directory, System.IO.Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Renamed += OnChange;
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch
        {
            watcher.Dispose();
            timer.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        watcher.Dispose();
        timer.Dispose();
    }

    // Each change pushes the callback back by the delay: the last write of a burst triggers it.
    private void OnChange(object sender, FileSystemEventArgs e) => timer.Change(delay, Timeout.InfiniteTimeSpan);
}
