package energy.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An input is skipped only when its content, the settings and the output are as last time. */
class CacheTest {
  @Test
  void skipsOnlyWhatIsUnchangedAndStillThere(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("notes.md");
    Files.writeString(out, "rendered");
    String key = EnergyMojo.fingerprint("render", "10", "1", "text");
    EnergyMojo.Cache cache = new EnergyMojo.Cache(dir.resolve(".cache"));
    assertFalse(cache.fresh("src/docs/notes.md", key, out), "nothing recorded yet");
    cache.put("src/docs/notes.md", key);
    cache.save();
    EnergyMojo.Cache next = new EnergyMojo.Cache(dir.resolve(".cache")); // the next build reads it back
    assertTrue(next.fresh("src/docs/notes.md", key, out));
    assertFalse(next.fresh("src/docs/notes.md", EnergyMojo.fingerprint("render", "10", "1", "text changed"), out));
    assertFalse(next.fresh("src/docs/notes.md", EnergyMojo.fingerprint("render", "20", "1", "text"), out), "other samples");
    assertFalse(next.fresh("src/docs/other.md", key, out), "another input");
    Files.delete(out);
    assertFalse(next.fresh("src/docs/notes.md", key, out), "the output was deleted");
  }

  @Test
  void partsAreSeparatedAndTheToolIsPartOfTheFingerprint() {
    assertNotEquals(EnergyMojo.fingerprint("ab", "c"), EnergyMojo.fingerprint("a", "bc"));
    assertTrue(EnergyMojo.TOOL.startsWith(energy.api.Energy.version()), EnergyMojo.TOOL);
  }
}
