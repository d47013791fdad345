using Cake.Core;

namespace Cake.Frosting;

/// <summary>The context every Frosting task receives.</summary>
public interface IFrostingContext : ICakeContext;
