namespace MonitorDashboard.Review;

/// <summary>The degrees of automation a model moves up, one step at a time, as evidence accumulates.</summary>
public enum AutomationDegree
{
    HumanOnly,
    Shadow,
    AiAssistance,
    PartialAutomation,
    FullAutomation,
}
