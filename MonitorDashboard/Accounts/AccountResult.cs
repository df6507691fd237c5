namespace MonitorDashboard.Accounts;

/// <summary>Outcome of an account change: either done, or the reasons it was refused, worded for the person who asked.</summary>
public sealed record AccountResult(IReadOnlyList<string> Errors)
{
    public static readonly AccountResult Success = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static AccountResult Fail(params string[] errors) => new(errors);
}
