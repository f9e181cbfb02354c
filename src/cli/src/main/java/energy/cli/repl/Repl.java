package energy.cli.repl;

import energy.api.Energy;
import energy.api.Format;
import energy.api.Input;
import energy.api.Session;
import energy.diag.CompileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REPL's logic, without a terminal: an entry (statements, or a {@code :command}) in, text
 * out. State is the log of accepted entries; the {@link Session} is the log compiled, and is
 * rebuilt from the log when a computation was stopped half-way. Results are numbered in order,
 * {@code Out[n]}, and {@code %} / {@code %n} name the last / the n-th result in an entry.
 */
public final class Repl {
  /** What became of an entry. */
  public enum Status {
    DONE,
    FAILED,
    /** The statement is not finished: the front end asks for another line. */
    INCOMPLETE,
    QUIT
  }

  /** An accepted entry: typed at the prompt ({@code file == null}) or a loaded file. */
  private record Entry(String text, String origin, int firstLine, Path file) {}

  /** The commands, in the order :help lists them; any unambiguous prefix names one. */
  static final List<String> COMMANDS =
      List.of("help", "load", "reload", "show", "text", "latex", "json", "steps", "eval", "check", "save", "reset", "quit");

  static final String ORIGIN = "<repl>";

  private final PrintWriter out;
  private final PrintWriter err;
  private final List<Entry> log = new ArrayList<>();
  private final List<String> results = new ArrayList<>();
  private Session session = Energy.session();
  /** The session may hold part of a stopped computation: compile the log again before use. */
  private volatile boolean stale;
  /** The session's line number of the next entry typed: messages say {@code <repl>:LINE:COL}. */
  private int nextLine = 1;
  private Colours colours = Colours.NONE;

  public Repl(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** Colours for what it prints (the interactive front end only). */
  void paint(Colours colours) {
    this.colours = colours;
  }

  /**
   * Whether {@code entry} is an unfinished statement (the parser stops at its end). A command
   * is always complete, and so is an entry whose last line is blank: an empty line at the
   * continuation prompt submits what was typed, so a mistake is reported rather than awaited.
   */
  public boolean incomplete(String entry) {
    if (entry.stripLeading().startsWith(":")) return false;
    int lastBreak = entry.lastIndexOf('\n');
    if (lastBreak >= 0 && entry.substring(lastBreak + 1).isBlank()) return false;
    if (lastBreak >= 0 && entry.substring(lastBreak + 1).stripLeading().startsWith(":")) return false;
    return Input.incomplete(prepare(entry, false));
  }

  /** Runs one entry, printing its results or its errors; an error leaves the state as it was. */
  public Status accept(String entry) {
    int lines = (int) entry.chars().filter(c -> c == '\n').count() + 1;
    int firstLine = nextLine;
    nextLine += lines;
    String trimmed = entry.strip();
    if (trimmed.isEmpty()) return Status.DONE;
    int lastBreak = entry.lastIndexOf('\n');
    if (!trimmed.startsWith(":") && lastBreak >= 0 && entry.substring(lastBreak + 1).stripLeading().startsWith(":")) {
      // A command typed at the continuation prompt: the statement above it was never finished.
      String command = entry.substring(lastBreak + 1).strip();
      err.println(colours.error("the unfinished statement is dropped; running " + command.split("\\s+")[0]));
      return guarded(() -> command(command));
    }
    return guarded(() -> trimmed.startsWith(":") ? command(trimmed) : submit(new Entry(prepare(entry, true), ORIGIN, firstLine, null)));
  }

  /** Loads a file named on the command line: as :load, but typed on no line of the session. */
  public Status loadFile(Path file) {
    return guarded(() -> {
      load(file);
      return Status.DONE;
    });
  }

  /** Runs a step of an entry: a mistake is printed and the entry fails, the session staying as it was. */
  private Status guarded(java.util.function.Supplier<Status> step) {
    try {
      return step.get();
    } catch (CompileException e) {
      err.print(colours.error(e.render()));
      return Status.FAILED;
    } catch (ReplError e) {
      err.println(colours.error("error: " + e.getMessage()));
      return Status.FAILED;
    } catch (Worker.Cancelled e) {
      throw e;
    } catch (RuntimeException e) {
      // Interrupted (Ctrl-C): the computation stopped itself; that is no error to report.
      if (Thread.currentThread().isInterrupted() || e instanceof energy.Progress.Stopped) throw new Worker.Cancelled();
      stale = true;
      err.println(colours.error("energy: internal error: " + e + " while " + energy.Progress.current() + "; the session is as it was before this entry"));
      return Status.FAILED;
    } catch (StackOverflowError | OutOfMemoryError e) {
      // A bug or exhausted resources: said in one line; the session is compiled again from the log.
      stale = true;
      err.println(colours.error("energy: internal error: " + e + " while " + energy.Progress.current() + "; the session is as it was before this entry"));
      return Status.FAILED;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Compiles an entry into the session; once it succeeded, it joins the log and its results print. */
  private Status submit(Entry entry) {
    freshen();
    List<String> added = session.submit(entry.text(), entry.origin(), entry.firstLine());
    Worker.commit(() -> {
      log.add(entry);
      print(added);
    });
    return Status.DONE;
  }

  private void print(List<String> added) {
    for (String name : added) {
      results.add(name);
      out.print(colours.result("Out[" + results.size() + "]:") + " " + session.render(name, Format.TEXT));
    }
    out.flush();
  }

  /** After a stopped computation, the session is compiled again from the log. */
  private void freshen() {
    if (!stale) return;
    Session fresh = Energy.session();
    for (Entry e : log) fresh.submit(e.text(), e.origin(), e.firstLine());
    session = fresh;
    stale = false;
  }

  /** Called when a computation of this REPL was stopped: its session may be half-updated. */
  void stopped() {
    stale = true;
  }

  /** A statement as the language reads it: history references replaced, Greek letters named. */
  private String prepare(String entry, boolean strict) {
    return Greek.toNames(expandHistory(entry, strict));
  }

  private static final Pattern HISTORY = Pattern.compile("%(\\d*)");

  /**
   * Replaces {@code %} by the last result's name and {@code %n} by the n-th's, outside comments
   * ({@code %} is no character of the language, so nothing else is meant). With {@code strict},
   * a reference to no result is an error; otherwise it becomes a name, so the parser can judge
   * the rest.
   */
  String expandHistory(String text, boolean strict) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (out.length() > 0) out.append('\n');
      int hash = line.indexOf('#');
      String code = hash < 0 ? line : line.substring(0, hash);
      Matcher m = HISTORY.matcher(code);
      StringBuilder replaced = new StringBuilder();
      while (m.find()) {
        String name = resultAt(m.group(1), strict);
        m.appendReplacement(replaced, Matcher.quoteReplacement(name));
      }
      m.appendTail(replaced);
      out.append(replaced).append(hash < 0 ? "" : line.substring(hash));
    }
    return out.toString();
  }

  private String resultAt(String digits, boolean strict) {
    int n = digits.isEmpty() ? results.size() : Integer.parseInt(digits);
    if (n >= 1 && n <= results.size()) return results.get(n - 1);
    if (!strict) return "result";
    if (results.isEmpty()) throw new ReplError("no result yet: % and %n name earlier results");
    throw new ReplError("no result %" + n + " (there are " + results.size() + ": %1 … %" + results.size() + ")");
  }

  // ---- commands ----

  private Status command(String line) {
    String[] words = expandHistory(line, true).substring(1).trim().split("\\s+", 2);
    String typed = words[0];
    boolean force = typed.endsWith("!");
    if (force) typed = typed.substring(0, typed.length() - 1);
    String name = resolve(typed);
    String arg = words.length > 1 ? words[1].trim() : "";
    if (force && !name.equals("save")) throw new ReplError("only :save takes '!' (to replace an existing file)");
    switch (name) {
      case "help" -> help();
      case "load" -> load(Path.of(need(arg, "a file: :load FILE")));
      case "reload" -> reload();
      case "show" -> show(need(arg, "a name: :show NAME"));
      case "text" -> render(need(arg, "a result: :text NAME"), Format.TEXT);
      case "latex" -> render(need(arg, "a result: :latex NAME"), Format.LATEX);
      case "json" -> render(need(arg, "a result: :json NAME"), Format.JSON);
      case "steps" -> steps(need(arg, "a result: :steps NAME"));
      case "eval" -> {
        return alias(evaluation(need(arg, "a name and values: :eval NAME beta=1 J=0.5 …")));
      }
      case "check" -> {
        return alias("check " + need(arg, "a result: :check NAME"));
      }
      case "save" -> save(Path.of(need(arg, "a file: :save FILE")), force);
      case "reset" -> reset();
      case "quit" -> {
        return Status.QUIT;
      }
      default -> throw new IllegalStateException(name);
    }
    return Status.DONE;
  }

  /** The command a prefix names: exactly, or the only one it begins. */
  static String resolve(String typed) {
    if (typed.isEmpty()) throw new ReplError("a command follows ':' (:help lists them)");
    if (COMMANDS.contains(typed)) return typed;
    List<String> matches = COMMANDS.stream().filter(c -> c.startsWith(typed)).toList();
    if (matches.size() == 1) return matches.get(0);
    if (matches.isEmpty()) throw new ReplError("unknown command :" + typed + " (:help lists the commands)");
    throw new ReplError(":" + typed + " is ambiguous: :" + String.join(", :", matches));
  }

  private static String need(String arg, String what) {
    if (arg.isEmpty()) throw new ReplError("this command needs " + what);
    return arg;
  }

  private void help() {
    out.print(
        """
        Type statements as in a .energy file; each result prints at once as Out[n].
        Queries are statements too: J = coefficient v[1]*v[2] in F, G = F where beta = 1,
        M = derivative F by a[1], F at beta=1 a[1]=0.3, check G.
        A statement may go on over several lines; an empty line ends it anyway.
        % is the last result, %n the n-th, e.g. :latex %2 or Z = partition %.
        Commands (any unambiguous prefix, e.g. :l is ambiguous, :lo is :load):
          :help           this text
          :load FILE      run a .energy file's statements in this session
          :reload         read the loaded files again and replay the session
          :show NAME      the statement that declared or computed NAME, and its kind
          :text NAME      a result as Unicode text
          :latex NAME     a result as LaTeX (align*)
          :json NAME      a result as JSON
          :steps NAME     how a marginal or expansion was obtained, step by step, as text
          :eval NAME a=1 b=2 …   the statement NAME at a=1 b=2 (its value, as ./energy eval prints it)
          :check NAME     the statement check NAME (verify a result numerically)
          :save FILE      the session's statements as a .energy file (:save! FILE replaces one)
          :reset          forget everything
          :quit           leave (or Ctrl-D); Ctrl-C stops a computation
        """);
    out.flush();
  }

  private void load(Path file) {
    submit(new Entry(read(file), file.toString(), 1, file));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new ReplError(file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new ReplError("cannot read " + file + ": " + reason(e));
    }
  }

  /** The loaded files read again, and the whole log replayed into a new session. */
  private void reload() {
    List<Entry> entries = new ArrayList<>();
    for (Entry e : log) entries.add(e.file() == null ? e : new Entry(read(e.file()), e.origin(), 1, e.file()));
    Session fresh = Energy.session();
    List<String> added = new ArrayList<>();
    for (Entry e : entries) added.addAll(fresh.submit(e.text(), e.origin(), e.firstLine()));
    Worker.commit(() -> {
      session = fresh;
      stale = false;
      log.clear();
      log.addAll(entries);
      results.clear();
      out.println("reloaded " + entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies"));
      print(added);
    });
  }

  private void show(String name) {
    freshen();
    List<Input.Declaration> found = new ArrayList<>();
    for (Input.Declaration d : Input.declarations(session.source())) if (d.name().equals(name)) found.add(d);
    if (found.isEmpty()) throw new ReplError("nothing named '" + name + "' in this session");
    for (Input.Declaration d : found) out.println(d.name() + ": " + d.kind() + ", by: " + d.statement());
    out.flush();
  }

  private void render(String name, Format format) {
    freshen();
    out.print(session.render(known(name), format));
    out.flush();
  }

  /** A result after its derivation steps, as text ({@code compile --steps --format text}). */
  private void steps(String name) {
    freshen();
    out.print(session.render(known(name), Format.TEXT, true));
    out.flush();
  }

  private String known(String name) {
    if (!session.resultNames().contains(name))
      throw new ReplError("no result named '" + name + "'" + (results.isEmpty() ? "" : "; results: " + String.join(", ", session.resultNames())));
    return name;
  }

  /** {@code :eval NAME a=1 b=2} is the statement {@code NAME at a=1 b=2}. */
  private static String evaluation(String arg) {
    String[] words = arg.split("\\s+", 2);
    if (words.length < 2) throw new ReplError("give the values: :eval " + words[0] + " beta=1 J=0.5 …");
    return words[0] + " at " + words[1];
  }

  /**
   * A command that is a statement of the language ({@code :eval}, {@code :check}): submitted as
   * that statement, as if typed on the command's line, so it prints as an Out[n] and is saved.
   */
  private Status alias(String statement) {
    return submit(new Entry(prepare(statement, true), ORIGIN, nextLine - 1, null));
  }

  /** Written to a temporary file beside the target and linked or moved into place, so never half-written. */
  private void save(Path file, boolean replace) {
    if (!replace && Files.exists(file)) throw new ReplError(file + " exists; :save! " + file + " replaces it");
    Path dir = file.toAbsolutePath().getParent();
    try {
      Path tmp = Files.createTempFile(dir, ".energy-save", ".tmp");
      try {
        Files.writeString(tmp, source(), StandardCharsets.UTF_8);
        if (replace) Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        else Files.createLink(file, tmp); // fails if the file appeared meanwhile: never overwritten
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (FileAlreadyExistsException e) {
      throw new ReplError(file + " exists; :save! " + file + " replaces it");
    } catch (IOException e) {
      throw new ReplError("cannot write " + file + ": " + reason(e));
    }
    out.println("saved " + log.size() + " entr" + (log.size() == 1 ? "y" : "ies") + " to " + file);
    out.flush();
  }

  private static String reason(IOException e) {
    return e instanceof java.nio.file.NoSuchFileException ? "no such file or directory" : e.getMessage();
  }

  private void reset() {
    Worker.commit(() -> {
      session = Energy.session();
      stale = false;
      log.clear();
      results.clear();
      out.println("session reset");
      out.flush();
    });
  }

  // ---- for completion ----

  /** The names of the session's results, in order. */
  public List<String> resultNames() {
    return List.copyOf(results);
  }

  /** The names the session declares (units, parameters, energies, …). */
  public List<String> declaredNames() {
    StringBuilder text = new StringBuilder();
    for (Entry e : List.copyOf(log)) text.append(e.text()).append('\n');
    return Input.declarations(text.toString()).stream().map(Input.Declaration::name).distinct().toList();
  }

  /** The session's statements, as :save writes them. */
  public String source() {
    String text = session.source();
    return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
  }

  /** A mistake in a command, said in one line. */
  static final class ReplError extends RuntimeException {
    ReplError(String message) {
      super(message, null, false, false);
    }
  }
}
