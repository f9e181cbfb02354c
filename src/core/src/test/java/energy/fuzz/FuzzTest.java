package energy.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bounded fuzz run of {@code mvn test}: a fixed seed, cases until the case count or the time
 * budget is reached (whichever first; the seed and the last index are printed, so a run is
 * reproducible with FuzzMain). Fails on any finding not listed in known-findings.txt, with its
 * (seed, index) and input.
 */
class FuzzTest {
  static final long SEED = 20261127L;
  static final int MAX_CASES = 400;
  static final long BUDGET_MILLIS = 45_000;
  static final long TIMEOUT_MILLIS = 20_000;

  @Test
  void generatedProgramsCompileOrFailWithAPositionedError() {
    Set<String> known = KnownFindings.load();
    Generator generator = new Generator(SEED);
    List<String> unknown = new ArrayList<>();
    int cases = 0, results = 0, rejected = 0, knownFindings = 0;
    try (Driver driver = new Driver(TIMEOUT_MILLIS, 2)) {
      driver.warmUp(List.of(Path.of("examples/dbm3.energy")));
      long deadline = System.currentTimeMillis() + BUDGET_MILLIS;
      for (int i = 0; i < MAX_CASES && System.currentTimeMillis() < deadline; i++, cases++) {
        Generator.Case c = generator.generate(i);
        Driver.Outcome o = driver.run("fuzz-" + SEED + "-" + i + ".energy", c.text());
        if (driver.poisoned(o)) break; // the hang that caused it is already listed
        if (o.status().equals("result")) results++;
        if (o.status().equals("rejected")) rejected++;
        for (Driver.Finding f : o.findings()) {
          if (known.contains(f.key())) knownFindings++;
          else unknown.add("seed " + SEED + " case " + i + " (" + c.family() + "): " + f.key() + "\n" + f.detail() + "\n--- input\n" + c.text());
        }
      }
    }
    System.out.printf(
        "fuzz seed %d: %d cases (0..%d), %d results, %d rejected with a position, %d known findings, %d new%n",
        SEED, cases, cases - 1, results, rejected, knownFindings, unknown.size());
    unknown.forEach(System.out::println);
    assertTrue(cases > 0, "no case ran");
    assertTrue(unknown.isEmpty(), unknown.size() + " new fuzz findings; first:\n" + (unknown.isEmpty() ? "" : unknown.get(0)));
  }
}
