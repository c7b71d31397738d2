namespace Acme.HrService;

/// <summary>The log category of the service's own events (counts and durations only; never an id, value or attribute).</summary>
internal sealed class HrServiceLog;
