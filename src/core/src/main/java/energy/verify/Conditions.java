package energy.verify;

import energy.algebra.Condition;
import energy.result.Couplings;
import energy.result.ExpandedCouplings;
import energy.result.Expansion;
import energy.result.Kernel;
import energy.result.Marginal;
import energy.result.MatrixMarginal;
import energy.result.MomentIdentity;
import energy.result.PartitionFunction;
import energy.result.PriorCumulants;
import energy.result.Result;
import energy.result.RgStep;
import java.util.List;

/**
 * The stated conditions of a result (a Gaussian's curvature positive, …): the checkers draw
 * parameters where every condition of every result holds, the model's domain.
 */
final class Conditions implements Result.Visitor<List<Condition>> {
  private static final Conditions INSTANCE = new Conditions();

  static List<Condition> of(Result r) {
    return r.accept(INSTANCE);
  }

  public List<Condition> marginal(Marginal r) {
    return r.conditions();
  }

  public List<Condition> partitionFunction(PartitionFunction r) {
    return r.conditions();
  }

  public List<Condition> couplings(Couplings r) {
    return List.of();
  }

  public List<Condition> expansion(Expansion r) {
    return r.conditions();
  }

  public List<Condition> expandedCouplings(ExpandedCouplings r) {
    return r.conditions();
  }

  public List<Condition> priorCumulants(PriorCumulants r) {
    return r.conditions();
  }

  public List<Condition> momentIdentity(MomentIdentity r) {
    return List.of();
  }

  public List<Condition> kernel(Kernel r) {
    return List.of();
  }

  public List<Condition> matrixMarginal(MatrixMarginal r) {
    return List.of(); // positive-definite matrices, checked through the component form
  }

  public List<Condition> coefficient(energy.result.Coefficient r) {
    return r.conditions();
  }

  public List<Condition> substitution(energy.result.Substitution r) {
    return List.of(); // the substituted model's conditions: not the declared energy's domain
  }

  public List<Condition> derivative(energy.result.Derivative r) {
    return r.conditions();
  }

  public List<Condition> evaluation(energy.result.Evaluation r) {
    return List.of();
  }

  public List<Condition> verification(energy.result.Verification r) {
    return List.of();
  }

  public List<Condition> rgStep(RgStep r) {
    return List.of();
  }
}
