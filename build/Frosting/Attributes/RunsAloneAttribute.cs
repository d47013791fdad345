namespace Cake.Frosting;

/// <summary>
/// The decorated task changes something outside the checkout (a registry, a service, infrastructure): when tasks run
/// in parallel it starts only after every task Cake orders before it has finished, and nothing runs beside it. So it
/// happens exactly where it would in a one-at-a-time run: after the gates before it passed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RunsAloneAttribute : Attribute;
