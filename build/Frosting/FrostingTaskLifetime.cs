using Cake.Core;

namespace Cake.Frosting;

/// <summary>Runs before each task.</summary>
public interface IFrostingTaskSetup
{
    void Setup(ICakeContext context, ITaskSetupContext info);
}

/// <summary>Runs after each task, whatever its outcome.</summary>
public interface IFrostingTaskTeardown
{
    void Teardown(ICakeContext context, ITaskTeardownContext info);
}

/// <summary>Per-task setup and teardown on a typed context.</summary>
public abstract class FrostingTaskLifetime<T> : IFrostingTaskSetup, IFrostingTaskTeardown
    where T : ICakeContext
{
    public abstract void Setup(T context, ITaskSetupContext info);

    public abstract void Teardown(T context, ITaskTeardownContext info);

    void IFrostingTaskSetup.Setup(ICakeContext context, ITaskSetupContext info) => Setup((T)context, info);

    void IFrostingTaskTeardown.Teardown(ICakeContext context, ITaskTeardownContext info) => Teardown((T)context, info);
}
