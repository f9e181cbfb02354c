package energy.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.Compilation;
import energy.Compiler;
import energy.diag.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by the fuzzer: a joint cumulant or moment whose variables are not listed in sorted order
 * ({@code K = cumulant x3, x2}) made check throw ArgumentTypeException — its substitution rules
 * were unevaluated products ⟨x3 x2⟩ that never matched the identity's canonical ⟨x2 x3⟩. The
 * identity must pass its set-partition check whatever the order of the names.
 */
class JointCumulantOrderTest {
  @Test
  void identitiesOfUnsortedVariablesPassTheirCheck() {
    String text = "K = cumulant x3, x2\nM = moment x2, x1, x3\nC = cumulant b, a, c\n";
    Compilation c = Compiler.compile(new Source("<unsorted>", text));
    List<Checker.Report> reports = Checker.check(c, 3, 17);
    assertEquals(3, reports.size());
    for (Checker.Report r : reports) assertTrue(r.skipped() == null && r.passed(), r.name() + ": error " + r.weightError());
  }
}
