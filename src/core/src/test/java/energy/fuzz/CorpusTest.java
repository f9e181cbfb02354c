package energy.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every input the fuzzer found and minimized (src/core/src/test/resources/fuzz/corpus) must compile to a
 * result that passes its check, or to a positioned CompileException, within the time bound — or
 * show a finding still listed in known-findings.txt (not fixed yet). Deleting a key from that
 * file once its defect is fixed turns its corpus entry into a regression test.
 */
class CorpusTest {
  static final long TIMEOUT_MILLIS = 30_000;

  @TestFactory
  Stream<DynamicTest> corpusInputsCompileOrFailWithAPositionedError() throws IOException {
    Set<String> known = KnownFindings.load();
    List<Path> files;
    try (Stream<Path> s = Files.list(KnownFindings.CORPUS)) {
      files = s.filter(p -> p.toString().endsWith(".energy")).sorted().toList();
    }
    Driver driver = new Driver(TIMEOUT_MILLIS, 2);
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      String text = Files.readString(file, StandardCharsets.UTF_8);
                      Driver.Outcome o = driver.run(file.getFileName().toString(), text);
                      System.out.println(file.getFileName() + ": " + o.status() + " in " + o.millis() + " ms");
                      for (Driver.Finding f : o.findings())
                        assertTrue(known.contains(f.key()), file + ": " + f.key() + "\n" + f.detail() + "\n--- input\n" + text);
                    }))
        .onClose(driver::close);
  }
}
