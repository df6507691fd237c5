using MonitorDashboard.Hosting;

var builder = WebApplication.CreateBuilder(args);
// Serve the framework's and MudBlazor's files from a build output in any environment (a publish output has them anyway).
builder.WebHost.UseStaticWebAssets();
builder.Services.AddMonitorDashboard(builder.Configuration, builder.Environment);
builder.WebHost.AddOtlpGrpcPort(builder.Configuration);

var app = builder.Build();
await app.MapMonitorDashboardAsync();
await app.RunAsync();
