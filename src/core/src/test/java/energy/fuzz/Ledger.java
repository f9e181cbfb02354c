package energy.fuzz;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The record of a long fuzz run, one line per finished case — "seed index family status millis
 * key;key" (keys "-" when none; a key never holds a tab) — appended and flushed as each case ends,
 * so a run that is stopped loses nothing and resumes after the highest index it holds.
 */
final class Ledger implements AutoCloseable {
  record Entry(long seed, int index, String family, String status, long millis, List<String> keys) {}

  private final BufferedWriter out;

  Ledger(Path file) throws IOException {
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  void write(long seed, int index, String family, Driver.Outcome o) throws IOException {
    List<String> keys = o.findings().stream().map(Driver.Finding::key).distinct().toList();
    out.write(String.format(Locale.ROOT, "%d\t%d\t%s\t%s\t%d\t%s%n", seed, index, family, o.status(), o.millis(), keys.isEmpty() ? "-" : String.join(";", keys.stream().map(k -> k.replaceAll("[\t;\r\n]", " ")).toList())));
    out.flush();
  }

  static List<Entry> read(Path file) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      if (f.length != 6) continue; // a line cut by a kill
      List<String> keys = f[5].equals("-") ? List.of() : Arrays.asList(f[5].split(";"));
      entries.add(new Entry(Long.parseLong(f[0]), Integer.parseInt(f[1]), f[2], f[3], Long.parseLong(f[4]), keys));
    }
    return entries;
  }

  /** The case after the highest index of {@code seed} in [from, end) the ledger holds; {@code from} when none. */
  static int nextIndex(Path file, long seed, int from, int end) throws IOException {
    if (!Files.exists(file)) return from;
    int next = from;
    for (Entry e : read(file)) if (e.seed() == seed && e.index() >= from && e.index() < end) next = Math.max(next, e.index() + 1);
    return next;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
