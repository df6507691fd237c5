namespace MonitorDashboard.Storage;

/// <summary>
/// Makes the single writer's SQLite commits durable by syncing the WAL file itself, so the writer need not wait for the
/// disk inside each commit. The writer commits with synchronous=NORMAL (the commit is in the WAL, in the OS cache) and
/// asks for a sync; one sync runs at a time and covers every commit made before it started, and the writer goes on to
/// its next commit meanwhile, so preparing commit N+1 overlaps the disk flush of commit N (group commit with a pipeline,
/// as PostgreSQL's WAL writer does). A request is acknowledged only after a sync that started after its commit.
/// Why this is as safe as synchronous=FULL: after the sync the WAL on disk holds the commit's frames with valid
/// checksums, which recovery replays; checkpoints still sync the WAL before and the database after (SQLite does that in
/// NORMAL mode too); and a process crash (kill -9) loses nothing either way, the OS cache survives it.
/// </summary>
public sealed class WalSync(string databasePath)
{
    private readonly string _walPath = databasePath + "-wal";
    private readonly Lock _gate = new();
    private TaskCompletionSource? _waiting;
    private bool _syncing;

    /// <summary>Completes when a sync that started after this call has finished: every commit made before it is durable.</summary>
    public Task AfterCommitAsync()
    {
        lock (_gate)
        {
            _waiting ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var task = _waiting.Task;
            if (!_syncing)
            {
                _syncing = true;
                _ = Task.Run(SyncWhileAsked);
            }
            return task;
        }
    }

    /// <summary>Syncs once for everyone waiting, then again if more asked meanwhile; stops when nobody waits.</summary>
    private void SyncWhileAsked()
    {
        while (true)
        {
            TaskCompletionSource waiting;
            lock (_gate)
            {
                if (_waiting is null)
                {
                    _syncing = false;
                    return;
                }
                waiting = _waiting;
                _waiting = null;
            }
            try
            {
                Sync();
                waiting.SetResult();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                waiting.SetException(ex);
            }
        }
    }

    /// <summary>
    /// Flushes the WAL file's data to the disk (fsync). Opened afresh each time, so a WAL that SQLite deleted and made
    /// again is the one synced; a WAL that is gone was checkpointed into the database file, which SQLite synced.
    /// </summary>
    private void Sync()
    {
        FileStream wal;
        try
        {
            wal = new FileStream(_walPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }
        catch (FileNotFoundException)
        {
            return;
        }
        using (wal)
        {
            wal.Flush(flushToDisk: true);
        }
    }
}
