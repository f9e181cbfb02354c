package energy.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The long fuzz run:
 *
 * <pre>
 * mvn -q -pl src/core test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=energy.fuzz.FuzzMain \
 *     -Dexec.args="--seed 1 --from 0 --cases 100000 --ledger fuzz-seed1.ledger"
 * </pre>
 *
 * Case {@code i} of seed {@code S} is always the same program, so a long run is split into index
 * ranges of one seed — across sessions, processes or machines — with {@code --from K --cases N}
 * (the cases K..K+N−1). Options: {@code --seed S}, {@code --from K} (alias {@code --start}),
 * {@code --cases N}, {@code --timeout SEC} CPU time per case (default 30), {@code --samples K}
 * check draws (default 2), {@code --minimize SEC} delta-debugging budget per new finding (default
 * 90, 0 = off), {@code --corpus DIR} where minimized findings are written (default
 * src/core/src/test/resources/fuzz/corpus), {@code --warm-up quick|all} (quick: the small
 * examples that load every pipeline; all: every example), {@code --ledger FILE} one line appended
 * per finished case ("seed index family status millis keys"), so that an interrupted range resumes
 * with {@code --resume} (from the case after the highest index the ledger has for this seed and
 * range) and {@code --tally FILE...} counts what all ledgers hold.
 *
 * <p>Every new finding is printed with its (seed, index), its input and its minimized input;
 * findings listed in known-findings.txt are counted but not minimized. A progress line every 60 s
 * (and every 200 cases) gives the next index, cases/s and the findings so far; the summary gives
 * the range run, the counts per key and the slowest cases.
 *
 * <p>A hung case's worker thread is stopped; if that broke a class initializer (later cases fail
 * with NoClassDefFoundError), the run prints "POISONED at case I" and exits with status 3, to be
 * restarted with {@code --from I} (the warm-up runs first so that this is rare).
 *
 * <p>{@code --replay FILE...} runs given files instead and prints each outcome and finding.
 */
public final class FuzzMain {
  /** Small examples that between them load every pipeline (finite, expansion, matrix, queries, lattice steps, flows). */
  static final List<String> QUICK_WARM_UP =
      List.of("pair", "cumulants", "rbm", "rbm-symbolic", "rbm-gaussian-expansion", "dbm3-symbolic", "priors", "queries",
          "ising-chain", "square-mk", "triangular-nvl", "kadanoff-kernel");

  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("--replay")) {
      replay(Arrays.copyOfRange(args, 1, args.length));
      System.exit(0);
    }
    if (args.length > 0 && args[0].equals("--tally")) {
      tally(Arrays.copyOfRange(args, 1, args.length));
      System.exit(0);
    }
    long seed = 1;
    int cases = 1000, from = 0, samples = 2;
    long timeout = 30_000, minimize = 90_000;
    boolean allExamples = false, resume = false;
    Path corpus = KnownFindings.CORPUS, ledger = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--cases" -> cases = Integer.parseInt(args[++i]);
        case "--from", "--start" -> from = Integer.parseInt(args[++i]);
        case "--samples" -> samples = Integer.parseInt(args[++i]);
        case "--timeout" -> timeout = (long) (Double.parseDouble(args[++i]) * 1000);
        case "--minimize" -> minimize = (long) (Double.parseDouble(args[++i]) * 1000);
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--ledger" -> ledger = Path.of(args[++i]);
        case "--resume" -> resume = true;
        case "--warm-up" -> allExamples = switch (args[++i]) {
          case "all" -> true;
          case "quick" -> false;
          default -> throw new IllegalArgumentException("--warm-up quick|all");
        };
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    int end = from + cases; // exclusive
    if (resume) {
      if (ledger == null) throw new IllegalArgumentException("--resume needs --ledger FILE");
      int next = Ledger.nextIndex(ledger, seed, from, end);
      System.out.printf(Locale.ROOT, "resuming seed %d at case %d (range %d..%d)%n", seed, next, from, end - 1);
      from = next;
    }
    Set<String> known = KnownFindings.load();
    System.out.printf(Locale.ROOT, "fuzz: seed %d, cases %d..%d, timeout %d ms CPU, %d check samples, %d known findings%n",
        seed, from, end - 1, timeout, samples, known.size());
    Generator generator = new Generator(seed);
    Tally tally = new Tally();
    Map<String, Integer> validRejections = new TreeMap<>();
    long t0 = System.nanoTime();
    try (Driver driver = new Driver(timeout, samples);
        Ledger log = ledger == null ? null : new Ledger(ledger)) {
      driver.warmUp(warmUpFiles(allExamples));
      System.out.printf(Locale.ROOT, "warm-up done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
      Progress progress = new Progress(seed, from, end);
      for (int index = from; index < end; index++) {
        Generator.Case c = generator.generate(index);
        Driver.Outcome o = driver.run("fuzz-" + seed + "-" + index + ".energy", c.text());
        if (driver.poisoned(o)) {
          // Stopping a hung worker broke a class initializer: this JVM's verdicts are void from here.
          System.out.println("POISONED at case " + index + ": restart with --from " + index + " --cases " + (end - index));
          progress.print(index, tally);
          System.exit(3);
        }
        tally.add(seed, index, c.family(), o);
        if (log != null) log.write(seed, index, c.family(), o);
        if (c.valid() && o.status().equals("rejected")) validRejections.merge(Driver.normalize(o.message()), 1, Integer::sum);
        for (Driver.Finding f : o.findings()) {
          if (tally.findings.get(f.key()) > 1) continue;
          String origin = "seed " + seed + " case " + index + " (" + c.family() + ")";
          boolean isKnown = known.contains(f.key());
          System.out.println("\n=== " + (isKnown ? "known" : "NEW") + " finding " + f.key() + " at " + origin);
          System.out.println(f.detail().strip());
          System.out.println("--- input\n" + c.text().strip());
          if (!isKnown && minimize > 0) {
            Minimizer m = new Minimizer(t -> driver.run("min.energy", t).findings().stream().anyMatch(g -> g.key().equals(f.key())), minimize);
            String small = m.minimize(c.text());
            System.out.println("--- minimized (" + m.tests() + " tests)\n" + small.strip());
            save(corpus, f, small, origin);
          }
          System.out.flush();
        }
        progress.maybePrint(index + 1, tally);
      }
      progress.print(end, tally);
    }
    tally.print(known);
    System.out.println("valid programs rejected (count, message):");
    validRejections.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(40)
        .forEach(e -> System.out.printf(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey()));
    System.out.flush();
    System.exit(0); // the engine leaves non-daemon threads behind
  }

  static List<Path> warmUpFiles(boolean all) throws IOException {
    if (all) return examples();
    return QUICK_WARM_UP.stream().map(n -> Path.of("examples", n + ".energy")).toList();
  }

  /** {@code --tally FILE...}: the cases, statuses and findings that ledgers of earlier runs hold. */
  static void tally(String[] files) throws IOException {
    Tally t = new Tally();
    Map<Long, java.util.BitSet> indices = new TreeMap<>();
    for (String f : files)
      for (Ledger.Entry e : Ledger.read(Path.of(f))) {
        indices.computeIfAbsent(e.seed(), x -> new java.util.BitSet()).set(e.index());
        t.add(e);
      }
    indices.forEach((seed, set) -> System.out.printf(Locale.ROOT, "seed %d: %d distinct cases in %s%n", seed, set.cardinality(), ranges(set)));
    t.print(KnownFindings.load());
  }

  /** "0..999, 2000..2499": the runs of set bits. */
  static String ranges(java.util.BitSet set) {
    List<String> out = new ArrayList<>();
    for (int a = set.nextSetBit(0); a >= 0; ) {
      int b = set.nextClearBit(a);
      out.add(a + ".." + (b - 1));
      a = set.nextSetBit(b);
    }
    return String.join(", ", out);
  }

  /** What ran: statuses per family, findings per key (and where first seen), the slowest cases. */
  static final class Tally {
    final Map<String, int[]> families = new TreeMap<>(); // result, rejected, finding, total ms
    final Map<String, Integer> findings = new LinkedHashMap<>();
    final Map<String, String> firstSeen = new LinkedHashMap<>();
    final java.util.PriorityQueue<long[]> slowest = new java.util.PriorityQueue<>(Comparator.comparingLong((long[] x) -> x[0]));
    final Map<Long, String> slowFamily = new java.util.HashMap<>();
    int cases;

    void add(long seed, int index, String family, Driver.Outcome o) {
      add(new Ledger.Entry(seed, index, family, o.status(), o.millis(), o.findings().stream().map(Driver.Finding::key).distinct().toList()));
    }

    void add(Ledger.Entry e) {
      cases++;
      int[] k = families.computeIfAbsent(e.family(), x -> new int[4]);
      k[e.status().equals("result") ? 0 : e.status().equals("rejected") ? 1 : 2]++;
      k[3] += (int) Math.min(Integer.MAX_VALUE - k[3], e.millis());
      for (String key : e.keys()) {
        findings.merge(key, 1, Integer::sum);
        firstSeen.putIfAbsent(key, "seed " + e.seed() + " case " + e.index() + " (" + e.family() + ")");
      }
      slowest.add(new long[] {e.millis(), e.seed(), e.index()});
      slowFamily.put(e.seed() * 1_000_003L + e.index(), e.family());
      if (slowest.size() > 10) {
        long[] gone = slowest.poll();
        slowFamily.remove(gone[1] * 1_000_003L + gone[2]);
      }
    }

    String families() {
      StringBuilder b = new StringBuilder();
      families.forEach((family, k) -> b.append(String.format(Locale.ROOT, " %s %d/%d/%d (%d ms avg)", family, k[0], k[1], k[2], k[3] / Math.max(1, k[0] + k[1] + k[2]))));
      return b.toString();
    }

    void print(Set<String> known) {
      System.out.println("\n" + cases + " cases; result/rejected/finding per family:" + families());
      System.out.println("findings (count, key, first seen):" + (findings.isEmpty() ? " none" : ""));
      findings.forEach((key, n) -> System.out.printf(Locale.ROOT, "  %6d  %s%s  [%s]%n", n, key, known.contains(key) ? " (known)" : " (NEW)", firstSeen.get(key)));
      System.out.println("slowest cases (ms wall, seed, index, family):");
      slowest.stream().sorted(Comparator.comparingLong((long[] x) -> -x[0]))
          .forEach(x -> System.out.printf(Locale.ROOT, "  %8d  seed %d case %d (%s)%n", x[0], x[1], x[2], slowFamily.get(x[1] * 1_000_003L + x[2])));
    }
  }

  /** The progress line: every 60 s and every 200 cases, with the index to resume from. */
  static final class Progress {
    private static final java.lang.management.OperatingSystemMXBean OS = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    final long seed;
    final int from, end;
    final long t0 = System.nanoTime(), cpu0 = processCpu();
    long last = t0;

    Progress(long seed, int from, int end) {
      this.seed = seed;
      this.from = from;
      this.end = end;
    }

    void maybePrint(int next, Tally tally) {
      if ((next - from) % 200 == 0 || System.nanoTime() - last > 60e9) print(next, tally);
    }

    void print(int next, Tally tally) {
      last = System.nanoTime();
      int done = next - from;
      double s = (last - t0) / 1e9, cpu = (processCpu() - cpu0) / 1e9;
      System.out.printf(Locale.ROOT,
          "[seed %d: %d of %d..%d done, next --from %d; %.0f s, %.2f cases/s wall, %.2f cases per CPU-s; %d distinct findings] %s%n",
          seed, done, from, end - 1, next, s, done / s, cpu > 0 ? done / cpu : 0.0, tally.findings.size(), tally.families());
      System.out.flush();
    }

    private static long processCpu() {
      return OS instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }
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
