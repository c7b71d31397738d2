dotnet new console -n HrApp && cd HrApp
dotnet add package FairRubrics
dotnet add package FairRubrics.HealthChecks
dotnet add package Microsoft.Extensions.Hosting --version 10.0.15
