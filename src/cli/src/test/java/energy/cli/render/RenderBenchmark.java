package energy.cli.render;

import energy.api.Document;
import energy.api.Energy;
import energy.api.Format;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What one JVM per document saves: a Markdown document of 30 different energy blocks rendered by
 * {@code ./energy render} (a new JVM each run) against thirty {@code ./energy compile} processes,
 * one per block. Whole processes, wall clock, medians. Before timing, the rendered document is
 * checked against the blocks compiled one by one through {@code energy.api} in this process. A
 * benchmark, not a test (from the repository top):
 *
 * <pre>
 * mvn -q -o -pl src/core,src/cli test-compile && ./energy --version >/dev/null &&
 * java -Xss8m -cp "src/cli/target/test-classes:src/cli/target/energy.jar:src/cli/target/lib/*" energy.cli.render.RenderBenchmark [RENDERS [SWEEPS]]
 * </pre>
 *
 * (defaults 5 renders and 2 sweeps of thirty compiles; a sweep takes a few minutes on a loaded machine).
 */
public final class RenderBenchmark {
  private RenderBenchmark() {}

  /**
   * One block as the document has it, and as a file of its own ({@code alone}: the RG blocks after
   * the first add the lattice, which a document declares once). Names are suffixed so none repeats
   * in the document's shared session.
   */
  record Sample(String kind, String code, String alone) {
    Sample(String kind, String code) {
      this(kind, code, code);
    }
  }

  public static void main(String[] args) throws Exception {
    // Renders are cheap, a sweep of thirty processes is not: separate counts.
    int runs = Math.max(2, args.length > 0 ? Integer.parseInt(args[0]) : 5);
    int sweeps = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    // The engine's logging, as the launcher sets it (else log4j complains on standard error).
    System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    Path launcher = Path.of("energy").toAbsolutePath();
    Path dir = Files.createTempDirectory("energy-render-bench");
    List<Sample> blocks = blocks();
    Path doc = dir.resolve("doc.md");
    Files.writeString(doc, document(blocks), StandardCharsets.UTF_8);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Path f = dir.resolve(String.format(Locale.ROOT, "block%02d.energy", i + 1));
      Files.writeString(f, blocks.get(i).alone(), StandardCharsets.UTF_8);
      files.add(f);
    }
    Path out = dir.resolve("out.md");

    System.out.printf(Locale.ROOT, "%d blocks, %d renders, %d sweeps of compiles; load before: %s%n", blocks.size(), runs, sweeps, uptime());
    double first = seconds(List.of(launcher.toString(), "render", doc.toString(), "-o", out.toString()));
    sameAsInProcess(blocks, Files.readString(out, StandardCharsets.UTF_8));
    List<double[]> render = new ArrayList<>();
    render.add(new double[] {first});
    for (int r = 1; r < runs; r++) render.add(new double[] {seconds(List.of(launcher.toString(), "render", doc.toString(), "-o", out.toString()))});
    sameAsInProcess(blocks, Files.readString(out, StandardCharsets.UTF_8));

    List<Double> perBlockTotals = new ArrayList<>();
    List<Double> perBlockEach = new ArrayList<>();
    for (int r = 0; r < sweeps; r++) {
      double total = 0;
      for (Path f : files) {
        double s = seconds(List.of(launcher.toString(), "compile", f.toString()));
        perBlockEach.add(s);
        total += s;
      }
      perBlockTotals.add(total);
    }
    List<Double> renderRuns = render.stream().map(a -> a[0]).toList();
    double renderMedian = median(renderRuns);
    double sweep = median(perBlockTotals);
    System.out.println("| run | wall s (median) | runs |");
    System.out.println("| --- | --- | --- |");
    System.out.printf(Locale.ROOT, "| (1) `./energy render doc.md -o out.md`, first run | %.1f | 1 |%n", first);
    System.out.printf(Locale.ROOT, "| (2) the same run again | %.1f | %d |%n", median(renderRuns.subList(1, renderRuns.size())), runs - 1);
    System.out.printf(Locale.ROOT, "| (3) 30 × `./energy compile blockNN.energy` | %.1f (%.2f per block) | %d |%n", sweep, median(perBlockEach), sweeps);
    System.out.printf(Locale.ROOT, "ratio (3)/(1): %.1f; (3)/median of all renders: %.1f%n", sweep / first, sweep / renderMedian);
    System.out.println("render runs s: " + renderRuns + "; per-block sweeps s: " + perBlockTotals);
    System.out.println("load after: " + uptime());
  }

  /**
   * Thirty blocks of six kinds (a Gaussian marginal, a partition function, induced couplings, an
   * expansion in the weights, a cumulant, an RG step), each kind with five different parameters.
   */
  static List<Sample> blocks() {
    List<Sample> out = new ArrayList<>();
    for (int k = 1; k <= 5; k++) {
      String x = "q" + (char) ('a' + k - 1);
      out.add(new Sample("marginal", String.format(Locale.ROOT, """
          spin s1%1$s, s2%1$s
          real y%1$s
          param J%1$s, g%1$s, c%1$s
          energy H%1$s(s1%1$s, s2%1$s, y%1$s) = -J%1$s*s1%1$s*s2%1$s + 1/2*c%1$s*y%1$s^2 - %2$d*g%1$s*y%1$s*(s1%1$s + s2%1$s)
          M%1$s = marginalize H%1$s over y%1$s
          """, x, k)));
      out.add(new Sample("partition", String.format(Locale.ROOT, """
          dim n%1$s = %2$d
          spin t%1$s[n%1$s]
          param h%1$s[n%1$s], K%1$s
          energy E%1$s(t%1$s) = -h%1$s.t%1$s - %3$d*K%1$s*t%1$s[1]*t%1$s[2]
          Z%1$s = partition E%1$s
          """, x, k % 3 + 2, k)));
      out.add(new Sample("couplings", String.format(Locale.ROOT, """
          dim nv%1$s = %2$d, nh%1$s = %3$d
          spin v%1$s[nv%1$s]
          real u%1$s[nh%1$s]
          param a%1$s[nv%1$s], W%1$s[nv%1$s,nh%1$s]
          energy G%1$s(v%1$s, u%1$s) = -a%1$s.v%1$s + 1/2*u%1$s.u%1$s - v%1$s.W%1$s.u%1$s
          F%1$s = marginalize G%1$s over u%1$s
          couplings F%1$s
          """, x, k % 3 + 2, k % 2 + 1)));
      out.add(new Sample("expansion", String.format(Locale.ROOT, """
          dim nv%1$s = %2$d, nh%1$s = %3$d
          spin w%1$s[nv%1$s]
          binary b%1$s[nh%1$s]
          param c%1$s[nv%1$s], d%1$s[nh%1$s], V%1$s[nv%1$s,nh%1$s]
          energy B%1$s(w%1$s, b%1$s) = -c%1$s.w%1$s - d%1$s.b%1$s - w%1$s.V%1$s.b%1$s
          P%1$s = marginalize B%1$s over b%1$s
          X%1$s = expand P%1$s in V%1$s to order %4$d
          """, "e" + x, k % 2 + 2, k % 2 + 1, k % 3 + 2)));
      out.add(new Sample("cumulant", String.format(Locale.ROOT, """
          binary z%1$s
          param f%1$s
          energy C%1$s(z%1$s) = -%2$d*f%1$s*z%1$s
          k%1$s = cumulant %3$d of z%1$s in C%1$s
          """, x, k, k + 1)));
      out.add(rg(k, x));
    }
    return out;
  }

  /** The chain all RG blocks share: a document describes one lattice, declared by the first of them. */
  private static final String CHAIN = "lattice chain periodic\nspin r on sites\n";

  private static Sample rg(int k, String x) {
    // A coupling of a lattice energy is one parameter: the blocks differ in the field and the block size.
    String field = k % 2 == 1 ? " + m%1$s*sum(i) r[i]" : "";
    String step = String.format(Locale.ROOT, """
        param L%1$s, m%1$s
        reduced energy R%1$s(r) = L%1$s*sum<i,j> r[i]*r[j]""" + field + """

        S%1$s = rg decimate R%1$s keep every %2$d
        """, x, k < 4 ? 2 : 3);
    return k == 1 ? new Sample("rg", CHAIN + step) : new Sample("rg", step, CHAIN + step);
  }

  static String document(List<Sample> blocks) {
    StringBuilder d = new StringBuilder("# Thirty blocks\n\n");
    for (int i = 0; i < blocks.size(); i++) {
      d.append("## ").append(i + 1).append(". A ").append(blocks.get(i).kind()).append("\n\n```energy\n");
      d.append(blocks.get(i).code()).append("```\n\n");
    }
    return d.toString();
  }

  /** Every block compiled alone in this process gives the math the whole-document render wrote, in order. */
  static void sameAsInProcess(List<Sample> blocks, String rendered) {
    if (rendered.contains("```energy")) throw new AssertionError("a block was left in the output");
    int from = 0, results = 0;
    for (int i = 0; i < blocks.size(); i++) {
      Document d = Energy.compile(blocks.get(i).alone(), "block" + (i + 1));
      if (d.resultNames().isEmpty()) throw new AssertionError("block " + (i + 1) + " computes nothing");
      for (String name : d.resultNames()) {
        String math = d.render(name, Format.WEB);
        int at = rendered.indexOf(math, from);
        if (at < 0) throw new AssertionError("block " + (i + 1) + ": " + name + " is not in the output (in order):\n" + math);
        from = at + math.length();
        results++;
      }
    }
    int shown = rendered.split("\\$\\$\\\\begin", -1).length - 1;
    if (shown != results) throw new AssertionError(shown + " formulas in the output, " + results + " compiled in process");
  }

  static double seconds(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT);
    long t = System.nanoTime();
    int status = pb.start().waitFor();
    double s = (System.nanoTime() - t) / 1e9;
    if (status != 0) throw new AssertionError(String.join(" ", command) + " exited with " + status);
    return s;
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  static String uptime() {
    try {
      return Files.readString(Path.of(File.separator + "proc", "loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
