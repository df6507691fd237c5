using System.Data.Common;

namespace MonitorDashboard.Storage;

/// <summary>Named parameters on a provider-neutral command: both engines read <c>@name</c> placeholders.</summary>
public static class DbCommandParameters
{
    public static DbCommand AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
