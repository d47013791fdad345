using Cake.Core;

namespace Cake.Frosting;

/// <summary>Base class for a typed build context: all of Cake's aliases work on it.</summary>
public class FrostingContext(ICakeContext context) : CakeContextAdapter(context), IFrostingContext;
