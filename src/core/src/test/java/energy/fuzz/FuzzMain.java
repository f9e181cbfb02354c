package energy.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The long fuzz run:
 *
 * <pre>
 * mvn -q -pl src/core test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=energy.fuzz.FuzzMain \
 *     -Dexec.args="--cases 100000 --seed 1"
 * </pre>
 *
 * Options: {@code --cases N}, {@code --seed S}, {@code --start I} (first case index), {@code
 * --timeout SEC} per case (default 30), {@code --samples K} check draws (default 2), {@code
 * --minimize SEC} delta-debugging budget per new finding (default 90, 0 = off), {@code --corpus
 * DIR} where minimized findings are written (default src/core/src/test/resources/fuzz/corpus). Every new
 * finding is printed with its (seed, index), its input and its minimized input; findings listed in
 * known-findings.txt are counted but not minimized. The summary ends with the counts per key.
 *
 * <p>A hung case's worker thread is stopped; if that broke a class initializer (later cases fail
 * with NoClassDefFoundError), the run prints "POISONED at case I" and exits with status 3, to be
 * restarted with {@code --start I} (the examples are run first so that this is rare).
 *
 * <p>{@code --replay FILE...} runs given files instead and prints each outcome and finding.
 */
public final class FuzzMain {
  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("--replay")) {
      replay(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    long seed = 1;
    int cases = 1000, start = 0, samples = 2;
    long timeout = 30_000, minimize = 90_000;
    Path corpus = KnownFindings.CORPUS;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--cases" -> cases = Integer.parseInt(args[++i]);
        case "--start" -> start = Integer.parseInt(args[++i]);
        case "--samples" -> samples = Integer.parseInt(args[++i]);
        case "--timeout" -> timeout = (long) (Double.parseDouble(args[++i]) * 1000);
        case "--minimize" -> minimize = (long) (Double.parseDouble(args[++i]) * 1000);
        case "--corpus" -> corpus = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Set<String> known = KnownFindings.load();
    System.out.printf(Locale.ROOT, "fuzz: seed %d, cases %d..%d, timeout %d ms, %d check samples, %d known findings%n",
        seed, start, start + cases - 1, timeout, samples, known.size());
    Generator generator = new Generator(seed);
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, Integer> findingCounts = new LinkedHashMap<>();
    Map<String, String> firstSeen = new LinkedHashMap<>();
    Map<String, Integer> validRejections = new TreeMap<>();
    long t0 = System.nanoTime();
    try (Driver driver = new Driver(timeout, samples)) {
      driver.warmUp(examples());
      System.out.printf(Locale.ROOT, "warm-up done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
      t0 = System.nanoTime();
      for (int index = start; index < start + cases; index++) {
        Generator.Case c = generator.generate(index);
        Driver.Outcome o = driver.run("fuzz-" + seed + "-" + index + ".energy", c.text());
        if (driver.poisoned(o)) {
          // Stopping a hung worker broke a class initializer: this JVM's verdicts are void from here.
          System.out.println("POISONED at case " + index + ": restart with --start " + index);
          progress(index - start, t0, counts, findingCounts);
          System.exit(3);
        }
        int[] k = counts.computeIfAbsent(c.family(), x -> new int[4]);
        k[3] += (int) o.millis();
        k[o.status().equals("result") ? 0 : o.status().equals("rejected") ? 1 : 2]++;
        if (c.valid() && o.status().equals("rejected")) validRejections.merge(Driver.normalize(o.message()), 1, Integer::sum);
        for (Driver.Finding f : o.findings()) {
          int n = findingCounts.merge(f.key(), 1, Integer::sum);
          if (n > 1) continue;
          firstSeen.put(f.key(), "seed " + seed + " case " + index + " (" + c.family() + ")");
          boolean isKnown = known.contains(f.key());
          System.out.println("\n=== " + (isKnown ? "known" : "NEW") + " finding " + f.key() + " at seed " + seed + " case " + index + " (" + c.family() + ")");
          System.out.println(f.detail().strip());
          System.out.println("--- input\n" + c.text().strip());
          if (!isKnown && minimize > 0) {
            Minimizer m = new Minimizer(t -> driver.run("min.energy", t).findings().stream().anyMatch(g -> g.key().equals(f.key())), minimize);
            String small = m.minimize(c.text());
            System.out.println("--- minimized (" + m.tests() + " tests)\n" + small.strip());
            save(corpus, f, small, "seed " + seed + " case " + index + " (" + c.family() + ")");
          }
          System.out.flush();
        }
        if ((index - start + 1) % 200 == 0) progress(index - start + 1, t0, counts, findingCounts);
      }
    }
    progress(cases, t0, counts, findingCounts);
    System.out.println("\nfindings (count, key, first seen):");
    findingCounts.forEach((key, n) -> System.out.printf(Locale.ROOT, "  %6d  %s%s  [%s]%n", n, key, known.contains(key) ? " (known)" : "", firstSeen.get(key)));
    System.out.println("valid programs rejected (count, message):");
    validRejections.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(40)
        .forEach(e -> System.out.printf(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey()));
  }

  /** {@code --replay FILE...}: each file through the driver (30 s CPU bound), with its outcome and findings. */
  static void replay(String[] files) throws IOException {
    try (Driver driver = new Driver(30_000, 2)) {
      for (String f : files) {
        Driver.Outcome o = driver.run(f, Files.readString(Path.of(f), StandardCharsets.UTF_8));
        System.out.println(f + ": " + o.status() + " in " + o.millis() + " ms" + (o.message() == null ? "" : ": " + o.message()));
        for (Driver.Finding x : o.findings()) System.out.println("  " + x.key() + "\n    " + x.detail().strip().replace("\n", "\n    "));
      }
    }
  }

  /** The examples: they load every class the tool has before any case is timed. */
  static java.util.List<Path> examples() throws IOException {
    try (java.util.stream.Stream<Path> s = Files.list(Path.of("examples"))) {
      return s.filter(p -> p.toString().endsWith(".energy")).sorted().toList();
    }
  }

  private static void progress(int done, long t0, Map<String, int[]> counts, Map<String, Integer> findings) {
    double s = (System.nanoTime() - t0) / 1e9;
    StringBuilder b = new StringBuilder();
    counts.forEach((family, k) -> b.append(String.format(Locale.ROOT, " %s %d/%d/%d (%d ms avg)", family, k[0], k[1], k[2], k[3] / Math.max(1, k[0] + k[1] + k[2]))));
    System.out.printf(Locale.ROOT, "[%d cases, %.0f s, %.1f cases/s, %d distinct findings] result/rejected/finding:%s%n",
        done, s, done / s, findings.size(), b);
    System.out.flush();
  }

  static void save(Path corpus, Driver.Finding f, String text, String origin) throws IOException {
    Files.createDirectories(corpus);
    String name = f.kind() + "-" + String.format("%08x", f.key().hashCode()) + ".energy";
    Path file = corpus.resolve(name);
    if (Files.exists(file)) return;
    String header = "# fuzz finding: " + f.key() + "\n# found at " + origin + ", minimized by delta debugging\n";
    Files.writeString(file, header + text, StandardCharsets.UTF_8);
    System.out.println("--- saved " + file);
  }
}
