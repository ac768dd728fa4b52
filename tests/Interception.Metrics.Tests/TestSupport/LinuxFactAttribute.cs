namespace Interception.Metrics.Tests.TestSupport;

/// <summary>A fact that runs on Linux only (it reads the real <c>/proc</c>); skipped, not passed, elsewhere.</summary>
internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Reads the real /proc: Linux only.";
        }
    }
}
