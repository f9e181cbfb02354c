package energy.bench;

import energy.Compiler;
import energy.diag.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Compile time of the examples, run on demand (not a test):
 *
 * <pre>
 *   mvn -q -pl src/core test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=energy.bench.CompileBenchmark
 * </pre>
 *
 * Prints, per example, the first (cold: Symja's engine and the JIT warming up) and the median
 * of later (warm) compilations in one JVM, and their ratio. Machines here are shared: compare
 * ratios from one run, not absolute times across runs.
 */
public final class CompileBenchmark {
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    List<String> files = List.of("examples/dbm3.energy", "examples/rbm.energy", "examples/pair.energy");
    System.out.printf("%-24s %10s %10s %8s%n", "example", "first ms", "median ms", "ratio");
    for (String f : files) {
      Source source = new Source(f, Files.readString(Path.of(f)));
      double[] t = new double[runs];
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        Compiler.compile(source);
        t[i] = (System.nanoTime() - t0) / 1e6;
      }
      double first = t[0];
      double[] warm = Arrays.copyOfRange(t, runs / 3, runs);
      Arrays.sort(warm);
      double median = warm[warm.length / 2];
      System.out.printf("%-24s %10.1f %10.1f %8.1f%n", f, first, median, first / median);
    }
  }
}
