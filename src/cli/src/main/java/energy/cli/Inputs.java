package energy.cli;

import energy.Compilation;
import energy.Compiler;
import energy.diag.CompileException;
import energy.diag.Diagnostic;
import energy.diag.Source;
import energy.diag.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Reading inputs and writing outputs, the same way for every command. */
final class Inputs {
  /** Largest input read: a model file is a few kilobytes; this stops /dev/zero-like inputs. */
  static final int MAX_INPUT_BYTES = 4 << 20;

  private Inputs() {}

  /**
   * Reads a model file: a regular file of at most {@link #MAX_INPUT_BYTES} of UTF-8 text (a
   * byte-order mark is skipped). Anything else is an error that says what the file is.
   */
  static Source read(Path file) {
    if (Files.isDirectory(file)) throw new UserError("cannot read '" + file + "': it is a directory, not a .energy file");
    if (Files.exists(file) && !Files.isRegularFile(file))
      throw new UserError("cannot read '" + file + "': it is not a regular file (a device, fifo or socket); give a .energy file");
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
    } catch (IOException e) {
      throw new UserError("cannot read '" + file + "': " + reason(e));
    }
    if (bytes.length > MAX_INPUT_BYTES)
      throw new UserError("cannot read '" + file + "': it is larger than " + (MAX_INPUT_BYTES >> 20) + " MB, too large for a model file");
    return decode(file.toString(), bytes);
  }

  /** UTF-8 text → a source; a NUL byte or a byte that is not UTF-8 is a positioned error. */
  static Source decode(String path, byte[] bytes) {
    int bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, bom, bytes.length - bom);
    CharBuffer text = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, text, true);
    if (!result.isError()) result = decoder.flush(text);
    int bad = result.isError() ? in.position() : -1;
    for (int i = bom; i < (bad < 0 ? bytes.length : bad); i++)
      if (bytes[i] == 0) {
        bad = i;
        break;
      }
    text.flip();
    if (bad < 0) return new Source(path, text.toString());
    // Point at the end of the text that decoded, on its line.
    String prefix = new String(bytes, bom, bad - bom, StandardCharsets.UTF_8);
    Source partial = new Source(path, prefix + " ");
    String what =
        bytes[bad] == 0
            ? "a NUL byte at byte offset " + bad + ": this looks like a binary file"
            : String.format("not UTF-8 text at byte offset %d (0x%02X)", bad, bytes[bad] & 0xff);
    throw new CompileException(
        new Diagnostic(
            new Span(partial, prefix.length(), prefix.length() + 1),
            what,
            "energy reads UTF-8 text files; convert it, e.g. iconv -f latin1 -t utf-8 FILE"));
  }

  /** Compiles every file, reporting the errors of all of them before failing. */
  static List<Compilation> compileAll(List<Path> files) {
    return compileAll(files, energy.Compiler.Options.DEFAULT);
  }

  static List<Compilation> compileAll(List<Path> files, energy.Compiler.Options options) {
    List<Compilation> out = new ArrayList<>();
    List<Diagnostic> errors = new ArrayList<>();
    for (Path f : files) {
      try {
        out.add(Compiler.compile(read(f), options));
      } catch (CompileException e) {
        errors.addAll(e.diagnostics());
      }
    }
    if (!errors.isEmpty()) throw new CompileException(errors);
    return out;
  }

  /**
   * Writes atomically: a new file in the same directory, then a rename, so a reader never sees
   * half a file and a failure leaves the old one intact. The file gets the permissions a new
   * file gets (the umask's). Never overwrites an input, also not through a symbolic link.
   */
  static void writeAtomically(Path target, String content, List<Path> inputs) {
    writeAtomically(target, content.getBytes(StandardCharsets.UTF_8), inputs);
  }

  /** As {@link #writeAtomically(Path, String, List)}, for bytes (images). */
  static void writeAtomically(Path target, byte[] content, List<Path> inputs) {
    try (Staged staged = stage(target, inputs, out -> out.write(content))) {
      staged.place(null);
    }
  }

  /** What a command writes, streamed to the file rather than held whole. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;

    /** Text, written as UTF-8. */
    static Content text(Text text) {
      return out -> {
        java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        text.writeTo(w);
        w.flush();
      };
    }

    interface Text {
      void writeTo(java.io.Writer out) throws IOException;
    }
  }

  /**
   * Content written in full to a temporary file before the results are committed, then put in
   * place by {@link #place}: renamed onto the target ({@link #writeAtomically}), or copied to
   * standard output when there is no target. A large result streams to disk instead of being
   * held in memory, and a failure or a stop leaves nothing behind.
   */
  static final class Staged implements AutoCloseable {
    private final Path tmp, target, abs;

    private Staged(Path tmp, Path target, Path abs) {
      this.tmp = tmp;
      this.target = target;
      this.abs = abs;
    }

    /** Puts the file in place; with no target, copies it to {@code stdout}. */
    void place(java.io.PrintStream stdout) {
      try {
        if (target == null) {
          Files.copy(tmp, stdout);
          stdout.flush();
          return;
        }
        try {
          Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new UserError("cannot write '" + (target == null ? "standard output" : target) + "': " + reason(e));
      }
    }

    /** Removes the temporary file if it was not put in place. */
    @Override
    public void close() {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // the temporary file stays behind; the error that matters was reported
      }
    }
  }

  /**
   * Writes {@code content} to a new temporary file: beside {@code target} (a rename then puts it
   * in place atomically), or in the system's temporary directory for standard output ({@code
   * target} null). Never stages over an input, also not through a symbolic link.
   */
  static Staged stage(Path target, List<Path> inputs, Content content) {
    Path abs = null, tmp;
    try {
      if (target == null) tmp = Files.createTempFile("energy-", ".out");
      else {
        abs = target.toAbsolutePath().normalize();
        if (abs.getFileName() == null || Files.isDirectory(abs))
          throw new UserError("cannot write '" + target + "': it is a directory; give a file name, e.g. -o results.tex");
        Path dir = abs.getParent();
        try {
          Files.createDirectories(dir);
        } catch (IOException e) {
          throw new UserError("cannot write '" + target + "': cannot create its directory: " + reason(e));
        }
        Path real = realPath(abs);
        for (Path in : inputs)
          if (Files.exists(in) && real.equals(realPath(in.toAbsolutePath())))
            throw new UserError("refusing to overwrite the input file '" + in + "' (-o " + target + " is the same file); choose another -o");
        tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        Files.createFile(tmp);
      }
    } catch (IOException e) {
      throw new UserError("cannot write '" + (target == null ? "a temporary file" : target) + "': " + reason(e));
    }
    tmp.toFile().deleteOnExit(); // also when a time limit ends the process while the file is being written
    Staged staged = new Staged(tmp, target, abs);
    try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      content.writeTo(out);
    } catch (IOException e) {
      staged.close();
      throw new UserError("cannot write '" + (target == null ? "a temporary file" : target) + "': " + reason(e));
    } catch (RuntimeException | Error e) {
      staged.close();
      throw e;
    }
    return staged;
  }

  /** The path with its directories' symbolic links resolved, and the file's own link if it has one. */
  private static Path realPath(Path abs) {
    try {
      if (Files.exists(abs)) return abs.toRealPath();
      Path dir = abs.getParent();
      return dir == null ? abs : dir.toRealPath().resolve(abs.getFileName());
    } catch (IOException e) {
      return abs;
    }
  }

  /** Why an I/O operation failed, in words (Java's messages are often just the path). */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) return "no such file";
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof NotDirectoryException || e instanceof java.nio.file.FileAlreadyExistsException)
      return "a part of the path is a file, not a directory";
    if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason().toLowerCase(java.util.Locale.ROOT);
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
