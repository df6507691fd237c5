using System.Globalization;

namespace MonitorDashboard.Tests.Process;

/// <summary>Memory figures of another process, from /proc (Linux).</summary>
public static class ProcessMemory
{
    /// <summary>Peak resident set size in bytes (VmHWM of /proc/PID/status); null where /proc is missing or the process is gone.</summary>
    public static long? PeakResidentBytes(int processId) => ReadStatusKilobytes(processId, "VmHWM:") * 1024;

    private static long? ReadStatusKilobytes(int processId, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    // "VmHWM:	  123456 kB"
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }
}
