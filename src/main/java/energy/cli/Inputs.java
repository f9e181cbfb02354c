package energy.cli;

import energy.Compilation;
import energy.Compiler;
import energy.diag.CompileException;
import energy.diag.Diagnostic;
import energy.diag.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Reading inputs and writing outputs, the same way for every command. */
final class Inputs {
  private Inputs() {}

  static Source read(Path file) {
    try {
      return new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new UserError("cannot read '" + file + "': no such file");
    } catch (IOException e) {
      throw new UserError("cannot read '" + file + "': " + e.getMessage());
    }
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
   * Writes atomically: a temporary file in the same directory, then a rename, so a reader never
   * sees half a file and a failure leaves the old one intact. Never overwrites an input.
   */
  static void writeAtomically(Path target, String content, List<Path> inputs) {
    Path abs = target.toAbsolutePath().normalize();
    for (Path in : inputs)
      if (in.toAbsolutePath().normalize().equals(abs))
        throw new UserError("refusing to overwrite the input file '" + target + "'; choose another -o");
    try {
      Path dir = abs.getParent();
      if (dir != null) Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
      try {
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
          Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UserError("cannot write '" + target + "': " + e.getMessage());
    }
  }
}
