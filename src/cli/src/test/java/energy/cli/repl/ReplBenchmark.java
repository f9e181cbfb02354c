package energy.cli.repl;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How long a statement takes at the prompt once the engine is warm: dbm3's statements entered
 * one at a time, {@code :reset} between rounds; the median of the warm rounds per statement. A
 * benchmark, not a test:
 *
 * <pre>
 * mvn -q -o -pl src/core,src/cli test-compile && ./energy --version >/dev/null &&
 * java -Xss8m -cp "src/cli/target/test-classes:src/cli/target/energy.jar:src/cli/target/lib/*" energy.cli.repl.ReplBenchmark
 * </pre>
 */
public final class ReplBenchmark {
  private ReplBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> statements = new ArrayList<>(
        Files.readAllLines(Path.of("examples/dbm3.energy"), StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .toList());
    // A value at numbers, the 'at' statement (:eval): the issue's target is 50 ms.
    statements.add("H0 at beta=1 a[1]=0.3 a[2]=-0.2 A[1,1]=0.1 A[1,2]=0.2 A[2,1]=-0.3 A[2,2]=0.4 B[1,1]=0.5 B[2,1]=0.1 x[1]=1 x[2]=-1");
    PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
    Repl repl = new Repl(nowhere, nowhere);
    int rounds = 12;
    List<List<Double>> millis = new ArrayList<>();
    statements.forEach(s -> millis.add(new ArrayList<>()));
    for (int round = 0; round < rounds; round++) {
      repl.accept(":reset");
      for (int i = 0; i < statements.size(); i++) {
        long t = System.nanoTime();
        if (repl.accept(statements.get(i)) != Repl.Status.DONE) throw new AssertionError(statements.get(i));
        if (round > 0) millis.get(i).add((System.nanoTime() - t) / 1e6);
      }
    }
    for (int i = 0; i < statements.size(); i++) {
      List<Double> m = millis.get(i);
      Collections.sort(m);
      System.out.printf(Locale.ROOT, "%-60s median %7.1f ms  (min %.1f, %d warm rounds)%n", statements.get(i), m.get(m.size() / 2), m.get(0), m.size());
    }
  }
}
