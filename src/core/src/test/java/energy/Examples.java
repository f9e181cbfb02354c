package energy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example files, found from the project root (where Maven runs the tests). */
final class Examples {
  static final Path ROOT = Path.of("examples");
  /** Set -Denergy.regenerate=true to rewrite expected files; then read the diff before committing. */
  static final boolean REGENERATE = Boolean.getBoolean("energy.regenerate");

  private Examples() {}

  static List<Path> good() {
    return list(ROOT);
  }

  static List<Path> bad() {
    return list(ROOT.resolve("bad"));
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".energy")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path sibling(Path energy, String extension) {
    String name = energy.getFileName().toString();
    return energy.resolveSibling(name.substring(0, name.length() - ".energy".length()) + extension);
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compares with the expected file, or (re)writes it when regenerating. */
  static void assertMatches(Path expected, String actual) {
    if (REGENERATE) {
      try {
        Files.writeString(expected, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    if (!Files.exists(expected))
      throw new AssertionError("missing expected file " + expected + " (run with -Denergy.regenerate=true, then read it)");
    org.junit.jupiter.api.Assertions.assertEquals(read(expected), actual, "output differs from " + expected);
  }
}
