using System.Globalization;

namespace Interception.Benchmarks.Throughput;

/// <summary>
/// The processor time the calling thread has used, from <c>/proc/thread-self/stat</c> (Linux; 10 ms resolution):
/// on a machine shared with other work, threads get a core only part of the time, and calls per processor second show
/// what each call costs while the threads do run.
/// </summary>
internal static class ThreadCpuTime
{
    // USER_HZ: the unit of utime and stime, 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    /// <summary>Seconds of processor time (user and system) the calling thread has used; NaN where it cannot be read.</summary>
    public static double Current()
    {
        const string path = "/proc/thread-self/stat";
        if (!File.Exists(path))
        {
            return double.NaN;
        }

        // The fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
