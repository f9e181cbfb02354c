package energy.cli.repl;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * The REPL without a terminal ({@code ./energy repl < session.txt}, a pipe, CI): no prompts, no
 * colour, entries read line by line (a statement may span lines), output in order. The exit
 * status is 1 when any entry failed.
 */
final class ScriptMode {
  private ScriptMode() {}

  static int run(Repl repl, BufferedReader in) throws IOException {
    boolean failed = false;
    StringBuilder entry = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      if (entry.length() > 0) entry.append('\n');
      entry.append(line);
      if (repl.incomplete(entry.toString())) continue;
      Repl.Status s = evaluate(repl, entry.toString());
      entry.setLength(0);
      if (s == Repl.Status.QUIT) return failed ? 1 : 0;
      failed |= s == Repl.Status.FAILED;
    }
    if (entry.length() > 0) failed |= evaluate(repl, entry.toString()) == Repl.Status.FAILED;
    return failed ? 1 : 0;
  }

  private static Repl.Status evaluate(Repl repl, String entry) {
    return new Worker().run(() -> repl.accept(entry));
  }
}
