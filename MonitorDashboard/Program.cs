using MonitorDashboard.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMonitorDashboard(builder.Configuration, builder.Environment);

var app = builder.Build();
await app.MapMonitorDashboardAsync();
await app.RunAsync();
