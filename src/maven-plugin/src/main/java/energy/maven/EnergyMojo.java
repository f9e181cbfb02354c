package energy.maven;

import energy.api.Energy;
import energy.diag.CompileException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals share: inputs named relative to the project (so messages read
 * {@code src/docs/notes.md:42:17: error: …}), a cache that skips inputs whose content, tool and
 * settings are unchanged, atomic outputs, and a deep stack for the engine.
 */
abstract class EnergyMojo extends AbstractMojo {
  static {
    energy.algebra.Symja.configure(); // before the engine starts: no engine threads to outlive the plugin
  }

  /** The engine recurses deeply on nested input; the command line gives it the same stack. */
  private static final long STACK_BYTES = 1L << 30;

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  /** Random draws per checked result. */
  @Parameter(property = "energy.samples", defaultValue = "10")
  int samples;

  /** Seed of the checks' random draws. */
  @Parameter(property = "energy.seed", defaultValue = "1")
  long seed;

  /** Skips the goal. */
  @Parameter(property = "energy.skip", defaultValue = "false")
  boolean skip;

  /** The goal's work: the inputs' errors, all of them, fail the build together. */
  abstract void work(List<String> errors) throws MojoExecutionException;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("energy: skipped (energy.skip)");
      return;
    }
    List<String> errors = new ArrayList<>();
    Throwable[] thrown = new Throwable[1];
    Thread worker =
        new Thread(
            null,
            () -> {
              try {
                work(errors);
              } catch (Throwable t) {
                thrown[0] = t;
              }
            },
            "energy",
            STACK_BYTES);
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("energy: interrupted");
    }
    if (thrown[0] instanceof MojoExecutionException e) throw e;
    if (thrown[0] != null) throw new MojoExecutionException("energy: internal error: " + thrown[0], thrown[0]);
    if (!errors.isEmpty()) throw new MojoFailureException(String.join("", errors).stripTrailing());
  }

  /** The files under {@code dir} that {@code accept} takes, in a stable order; none when it does not exist. */
  static List<Path> files(File dir, java.util.function.Predicate<Path> accept) throws MojoExecutionException {
    if (!dir.isDirectory()) return List.of();
    try (Stream<Path> s = Files.walk(dir.toPath())) {
      return s.filter(Files::isRegularFile).filter(accept).sorted().toList();
    } catch (IOException e) {
      throw new MojoExecutionException("energy: cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The path as messages show it: relative to the project, with '/'. */
  String display(Path file) {
    Path base = basedir.toPath().toAbsolutePath().normalize();
    Path abs = file.toAbsolutePath().normalize();
    return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace(File.separatorChar, '/');
  }

  static String read(Path file) throws MojoExecutionException {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new MojoExecutionException("energy: " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new MojoExecutionException("energy: cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes through a temporary file and a rename: a reader never sees half a file. */
  static void writeAtomically(Path target, String content) throws MojoExecutionException {
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
      try {
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("energy: cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** The positioned message of an input error. */
  static String message(CompileException e) {
    return e.render();
  }

  /**
   * The inputs' fingerprints from the last build, kept in {@code file}: an input whose content,
   * tool (version and the bytes of its jars) and settings hash the same is not done again.
   */
  static final class Cache {
    private final Path file;
    private final Properties entries = new Properties();

    Cache(Path file) {
      this.file = file;
      if (Files.isRegularFile(file))
        try (InputStream in = Files.newInputStream(file)) {
          entries.load(in);
        } catch (IOException e) {
          entries.clear(); // an unreadable cache only costs a rebuild
        }
    }

    boolean fresh(String key, String fingerprint, Path... outputs) {
      for (Path o : outputs) if (!Files.isRegularFile(o)) return false;
      return fingerprint.equals(entries.getProperty(key));
    }

    void put(String key, String fingerprint) {
      entries.setProperty(key, fingerprint);
    }

    void save() throws MojoExecutionException {
      java.io.StringWriter w = new java.io.StringWriter();
      try {
        entries.store(w, "energy-maven-plugin: fingerprints of the inputs done (content, tool, settings)");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      writeAtomically(file, w.toString());
    }
  }

  /** SHA-256 of the parts, with the tool's identity: a changed tool redoes everything. */
  static String fingerprint(String... parts) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(TOOL.getBytes(StandardCharsets.UTF_8));
      for (String p : parts) {
        d.update((byte) 0);
        d.update(p.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The version, and for a snapshot (whose version says nothing) the hash of the engine's and renderer's jars. */
  static final String TOOL = tool();

  private static String tool() {
    StringBuilder id = new StringBuilder(Energy.version());
    for (Class<?> c : new Class<?>[] {Energy.class, energy.cli.render.Block.class, EnergyMojo.class}) {
      try {
        Path jar = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(jar)) {
          MessageDigest d = MessageDigest.getInstance("SHA-256");
          d.update(Files.readAllBytes(jar));
          id.append(' ').append(HexFormat.of().formatHex(d.digest()), 0, 16);
        } else id.append(" classes@").append(System.nanoTime()); // classes directories: never cached
      } catch (Exception e) {
        id.append(" unknown@").append(System.nanoTime());
      }
    }
    return id.toString();
  }
}
