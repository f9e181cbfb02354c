package energy.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The long run's ledger: what is written reads back, and a resumed range starts after its highest finished case. */
class LedgerTest {
  @TempDir Path dir;

  @Test
  void entriesReadBackAndResumeAfterTheHighestIndexOfTheRange() throws IOException {
    Path file = dir.resolve("run.ledger");
    Driver.Outcome ok = new Driver.Outcome("result", List.of(), null, 12);
    Driver.Outcome bad =
        new Driver.Outcome(
            "finding",
            List.of(new Driver.Finding("stdout", "stdout/check:a\tb;c", "x"), new Driver.Finding("wrong", "wrong:Partition:weights", "y"),
                new Driver.Finding("wrong", "wrong:Partition:weights", "z")),
            null, 345);
    try (Ledger l = new Ledger(file)) {
      l.write(1, 5, "finite", ok);
      l.write(1, 7, "lattice+mutated", bad);
      l.write(2, 900, "expand", ok);
    }
    // A line cut by a kill is skipped.
    Files.writeString(file, "1\t8\tfin", StandardOpenOption.APPEND);
    List<Ledger.Entry> entries = Ledger.read(file);
    assertEquals(3, entries.size());
    assertEquals(new Ledger.Entry(1, 7, "lattice+mutated", "finding", 345, List.of("stdout/check:a b c", "wrong:Partition:weights")), entries.get(1));
    assertEquals(List.of(), entries.get(0).keys());
    assertEquals(8, Ledger.nextIndex(file, 1, 0, 100), "after case 7 of seed 1");
    assertEquals(0, Ledger.nextIndex(file, 3, 0, 100), "nothing of seed 3 yet");
    assertEquals(6, Ledger.nextIndex(file, 1, 0, 6), "only the range [0, 6) counts");
    assertEquals(1000, Ledger.nextIndex(file, 2, 1000, 2000), "a range above what ran starts at its beginning");
    assertEquals(0, Ledger.nextIndex(dir.resolve("none.ledger"), 1, 0, 10));
  }

  @Test
  void rangesAreTheRunsOfFinishedIndices() {
    BitSet set = new BitSet();
    set.set(0, 300);
    set.set(305);
    set.set(1000, 1002);
    assertEquals("0..299, 305..305, 1000..1001", FuzzMain.ranges(set));
  }
}
