package energy.cli.repl;

import energy.api.Input;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The REPL on a terminal, through JLine: line editing, history kept in a file, a continuation
 * prompt while the parser says a statement is unfinished, completion, Ctrl-C to stop a
 * computation (or clear the line), Ctrl-D to leave.
 */
final class Interactive {
  static final String PROMPT = "energy> ";
  static final String CONTINUATION = "   ...> ";

  private Interactive() {}

  static int run(Repl repl, Path history, PrintWriter out) throws IOException {
    // JNI (Java 17's native terminal access), else stty through exec; FFM needs Java 22.
    try (Terminal terminal = TerminalBuilder.builder().system(true).providers("jni,exec").nativeSignals(true).build()) {
      Colours colours = Colours.wanted(System.getenv()) ? Colours.ANSI : Colours.NONE;
      repl.paint(colours);
      String prompt = colours.prompt(PROMPT);
      LineReader reader =
          LineReaderBuilder.builder()
              .appName("energy")
              .terminal(terminal)
              .parser(new EntryParser(repl))
              .completer(new NameCompleter(repl))
              .variable(LineReader.HISTORY_FILE, history)
              .variable(LineReader.SECONDARY_PROMPT_PATTERN, colours.prompt(CONTINUATION))
              .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is a factorial, not history
              .option(LineReader.Option.INSERT_TAB, false)
              .build();
      reader.getWidgets().put("energy-complete", () -> {
            if (!greek(reader)) reader.callWidget(LineReader.COMPLETE_WORD);
            return true;
          });
      reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference("energy-complete"), "\t");
      Thread warmUp = warmUp();
      out.println("energy " + energy.api.Energy.version() + " — :help for help, Ctrl-D to leave");
      out.flush();
      while (true) {
        String entry;
        try {
          entry = reader.readLine(prompt);
        } catch (UserInterruptException e) {
          continue; // Ctrl-C at the prompt clears the line
        } catch (EndOfFileException e) {
          return 0;
        }
        Worker worker = new Worker();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> worker.cancel());
        try {
          Repl.Status status =
              worker.run(
                  () -> {
                    warmUp.join(); // the engine is not shared between threads while it starts
                    return repl.accept(entry);
                  });
          if (status == Repl.Status.QUIT) return 0;
        } catch (Worker.Cancelled e) {
          repl.stopped();
          terminal.writer().println("interrupted; the session is as it was before this entry");
        } finally {
          terminal.handle(Terminal.Signal.INT, previous);
          terminal.writer().flush();
        }
      }
    }
  }

  /**
   * Starts the engine (about 1.5 s) while the user reads the banner and types, by compiling a
   * small model that is then thrown away.
   */
  private static Thread warmUp() {
    Thread t =
        new Thread(
            () -> {
              try {
                energy.api.Energy.compile("model W\nreal x\nparam c\nenergy H(x) = c*x^2/2\nZ = partition H\n", "<warm-up>").render(energy.api.Format.TEXT);
              } catch (RuntimeException e) {
                // A failed warm-up only means the first statement starts the engine itself.
              }
            },
            "energy-warm-up");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** TAB after {@code \\name} (or a prefix of one name only) writes the letter in its place. */
  private static boolean greek(LineReader reader) {
    String before = reader.getBuffer().substring(0, reader.getBuffer().cursor());
    Greek.Replacement r = Greek.complete(before);
    if (r == null) return false;
    reader.getBuffer().backspace(r.length());
    reader.getBuffer().write(r.letter());
    return true;
  }

  /** JLine's parser, asking for another line while the energy parser says the entry is unfinished. */
  static final class EntryParser extends DefaultParser {
    private final Repl repl;

    EntryParser(Repl repl) {
      this.repl = repl;
      escapeChars(new char[0]);
      quoteChars(new char[0]);
      eofOnUnclosedQuote(false);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
      if (context == ParseContext.ACCEPT_LINE && repl.incomplete(line)) throw new EOFError(-1, -1, "the statement goes on");
      return super.parse(line, cursor, context);
    }

    /** Words for completion are names, :commands and \letters: anything else separates them. */
    @Override
    public boolean isDelimiterChar(CharSequence buffer, int pos) {
      char c = buffer.charAt(pos);
      return !(Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '\\' || c == '!');
    }
  }

  /** Commands after ':', letters after '\', otherwise keywords and the session's names. */
  static final class NameCompleter implements Completer {
    private final Repl repl;

    NameCompleter(Repl repl) {
      this.repl = repl;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
      candidates.addAll(candidates(repl, line.word(), line.wordIndex() == 0));
    }
  }

  /** The completions of {@code word} (the first word of the entry when {@code first}). */
  static List<Candidate> candidates(Repl repl, String word, boolean first) {
    java.util.ArrayList<Candidate> out = new java.util.ArrayList<>();
    if (word.startsWith(":") && first) {
      for (String c : Repl.COMMANDS) out.add(new Candidate(":" + c, ":" + c, "command", null, null, null, true));
    } else if (word.startsWith("\\")) {
      // The name, so that JLine lists and extends it; the TAB widget then writes the letter.
      Greek.LETTERS.forEach((name, letter) -> out.add(new Candidate("\\" + name, "\\" + name + " " + letter, "letter", null, null, null, false)));
    } else {
      for (String k : Input.keywords()) out.add(new Candidate(k, k, "keyword", null, null, null, true));
      for (String n : repl.declaredNames()) out.add(new Candidate(n, n, "name", null, null, null, true));
      for (String n : repl.resultNames()) out.add(new Candidate(n, n, "result", null, null, null, true));
    }
    return out;
  }
}
