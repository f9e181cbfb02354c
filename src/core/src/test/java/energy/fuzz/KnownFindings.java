package energy.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The findings already reported and not yet fixed: one key a line ({@link Driver.Finding#key}),
 * '#' comments. The bounded fuzz run and the corpus test fail only on findings not listed here;
 * when a defect is fixed its line is deleted, and the corpus then holds the fix.
 */
public final class KnownFindings {
  public static final Path DIR = Path.of("src/core/src/test/resources/fuzz");
  public static final Path FILE = DIR.resolve("known-findings.txt");
  public static final Path CORPUS = DIR.resolve("corpus");

  private KnownFindings() {}

  public static Set<String> load() {
    Set<String> keys = new LinkedHashSet<>();
    try {
      if (!Files.exists(FILE)) return keys;
      for (String line : Files.readAllLines(FILE)) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) keys.add(t);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }
}
