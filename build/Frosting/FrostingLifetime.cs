using Cake.Core;

namespace Cake.Frosting;

/// <summary>Runs once before the first task.</summary>
public interface IFrostingSetup
{
    void Setup(ICakeContext context, ISetupContext info);
}

/// <summary>Runs once after the last task, whether the build passed or failed.</summary>
public interface IFrostingTeardown
{
    void Teardown(ICakeContext context, ITeardownContext info);
}

/// <summary>Build setup and teardown on a typed context.</summary>
public abstract class FrostingLifetime<T> : IFrostingSetup, IFrostingTeardown
    where T : ICakeContext
{
    public abstract void Setup(T context, ISetupContext info);

    public abstract void Teardown(T context, ITeardownContext info);

    void IFrostingSetup.Setup(ICakeContext context, ISetupContext info) => Setup((T)context, info);

    void IFrostingTeardown.Teardown(ICakeContext context, ITeardownContext info) => Teardown((T)context, info);
}
