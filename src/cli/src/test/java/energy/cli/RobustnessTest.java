package energy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.Progress;
import energy.cli.CliTest.Run;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files, bad paths and odd input shapes: a message and a status, never a stack trace. */
class RobustnessTest {
  static final String PAIR = "spin s1, s2\nparam J\nenergy H(s1, s2) = -J*s1*s2\nZ = partition H\n";

  static Run run(String... args) {
    return CliTest.run(args);
  }

  static void assertNoTrace(Run r) {
    assertFalse(r.err().contains("\tat ") || r.err().contains("    at "), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }

  @Test
  void outputToTheRootDirectoryIsAnError(@TempDir Path dir) throws Exception {
    Path in = Files.writeString(dir.resolve("pair.energy"), PAIR);
    Run r = run("compile", "-o", "/", in.toString());
    assertEquals(1, r.status(), r.err());
    assertEquals("energy: error: cannot write '/': it is a directory; give a file name, e.g. -o results.tex\n", r.err());
    Run d = run("compile", "-o", dir.toString(), in.toString());
    assertEquals("energy: error: cannot write '" + dir + "': it is a directory; give a file name, e.g. -o results.tex\n", d.err());
  }

  @Test
  void writeErrorsNameThePathAndTheReason(@TempDir Path dir) throws Exception {
    Path in = Files.writeString(dir.resolve("pair.energy"), PAIR);
    Path out = in.resolve("out.tex"); // under a regular file
    Run r = run("compile", "-o", out.toString(), in.toString());
    assertEquals(1, r.status());
    assertEquals(
        "energy: error: cannot write '" + out + "': cannot create its directory: a part of the path is a file, not a directory\n", r.err());
  }

  @Test
  void directoriesFifosAndDevicesAreNotReadAsModels(@TempDir Path dir) throws Exception {
    Run d = run("compile", dir.toString());
    assertEquals(1, d.status());
    assertEquals("energy: error: cannot read '" + dir + "': it is a directory, not a .energy file\n", d.err());
    Run z = run("compile", "/dev/zero");
    assertEquals(1, z.status());
    assertEquals("energy: error: cannot read '/dev/zero': it is not a regular file (a device, fifo or socket); give a .energy file\n", z.err());
    Path fifo = dir.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Run f = run("compile", fifo.toString());
    assertEquals(1, f.status());
    assertTrue(f.err().contains("it is not a regular file"), f.err());
  }

  @Test
  void aHugeFileIsRefusedBeforeParsing(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.energy");
    Files.write(big, new byte[Inputs.MAX_INPUT_BYTES + 1]);
    Run r = run("compile", big.toString());
    assertEquals("energy: error: cannot read '" + big + "': it is larger than 4 MB, too large for a model file\n", r.err());
  }

  @Test
  void outputThroughASymlinkedDirectoryNeverOverwritesTheInput(@TempDir Path dir) throws Exception {
    Path real = Files.createDirectory(dir.resolve("real"));
    Path in = Files.writeString(real.resolve("pair.energy"), PAIR);
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    Run r = run("compile", "-o", link.resolve("pair.energy").toString(), in.toString());
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().startsWith("energy: error: refusing to overwrite the input file '" + in + "'"), r.err());
    assertEquals(PAIR, Files.readString(in));
    Path fileLink = Files.createSymbolicLink(dir.resolve("alias.energy"), in);
    Run s = run("compile", "-o", fileLink.toString(), in.toString());
    assertEquals(1, s.status(), s.err());
    assertEquals(PAIR, Files.readString(in));
  }

  @Test
  void outputsGetTheUsualPermissionsNotThoseOfATemporaryFile(@TempDir Path dir) throws Exception {
    Path in = Files.writeString(dir.resolve("pair.energy"), PAIR);
    Path out = dir.resolve("pair.tex");
    assertEquals(0, run("compile", "-o", out.toString(), in.toString()).status());
    Path plain = Files.createFile(dir.resolve("plain")); // what the umask gives a new file
    assertEquals(
        PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    assertTrue(Files.getPosixFilePermissions(out).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
        || !Files.getPosixFilePermissions(plain).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ));
    try (var files = Files.list(dir)) {
      assertEquals(3, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void nothingIsWrittenWhenCompilationFails(@TempDir Path dir) throws Exception {
    Path in = Files.writeString(dir.resolve("bad.energy"), "spin s\nenergy H(s) = -J*s\n");
    Path out = dir.resolve("bad.tex");
    assertEquals(1, run("compile", "-o", out.toString(), in.toString()).status());
    assertFalse(Files.exists(out));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void usageErrorsExitWithStatusTwo() {
    assertEquals(2, run("check", "--samples", "0", "examples/pair.energy").status());
    assertEquals(2, run("compile", "--timeout", "0", "examples/pair.energy").status());
    assertEquals(2, run("compile", "--timeout", "-1", "examples/pair.energy").status());
    assertEquals(2, run().status());
    assertEquals(2, run("compile").status());
  }

  /** Non-UTF-8 and binary input: positioned, with the byte offset; a byte-order mark is fine. */
  @Test
  void encodingErrorsArePositioned() {
    byte[] latin1 = "spin s\nparam J\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    energy.diag.CompileException e =
        org.junit.jupiter.api.Assertions.assertThrows(energy.diag.CompileException.class, () -> Inputs.decode("m.energy", latin1));
    assertEquals(
        "m.energy:2:8: error: not UTF-8 text at byte offset 14 (0xE9)\n"
            + "    param J \n"
            + "           ^\n"
            + "hint: energy reads UTF-8 text files; convert it, e.g. iconv -f latin1 -t utf-8 FILE\n",
        e.render());
    byte[] binary = {'s', 'p', 'i', 'n', 0, 1, 2};
    e = org.junit.jupiter.api.Assertions.assertThrows(energy.diag.CompileException.class, () -> Inputs.decode("b.energy", binary));
    assertEquals("b.energy:1:5: error: a NUL byte at byte offset 4: this looks like a binary file\n", e.render().lines().findFirst().get() + "\n");
    byte[] bom = ("\uFEFF" + PAIR).getBytes(StandardCharsets.UTF_8);
    assertEquals(PAIR, Inputs.decode("p.energy", bom).text());
  }

  @Test
  void aFileWithAByteOrderMarkCompiles(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("bom.energy");
    Files.write(in, ("\uFEFF" + PAIR).getBytes(StandardCharsets.UTF_8));
    Run r = run("compile", "--format", "text", in.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(run("compile", "--format", "text", "examples/pair.energy").status(), 0);
    assertTrue(r.out().startsWith("Z = "), r.out());
  }

  @Test
  void progressIsShownForLongWorkOnlyAndTheStageIsNamed() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Supervisor s = new Supervisor(new PrintStream(err, true, StandardCharsets.UTF_8), true);
    int status =
        s.run(
            null,
            () -> {
              Progress.stage("compiling A (statement 1 of 2)");
              Thread.sleep(Supervisor.PROGRESS_AFTER_MILLIS + 500);
              Progress.stage("compiling B (statement 2 of 2)");
              Thread.sleep(500);
              return Main.OK;
            });
    assertEquals(Main.OK, status);
    assertEquals("energy: compiling A (statement 1 of 2)…\nenergy: compiling B (statement 2 of 2)…\n", err.toString(StandardCharsets.UTF_8));
    ByteArrayOutputStream quiet = new ByteArrayOutputStream();
    new Supervisor(new PrintStream(quiet, true, StandardCharsets.UTF_8), true).run(null, () -> Main.OK);
    assertEquals("", quiet.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aTimeoutStopsTheRunWritesNothingAndSaysWhere() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Supervisor s = new Supervisor(new PrintStream(err, true, StandardCharsets.UTF_8), false);
    boolean[] wrote = new boolean[1];
    long start = System.nanoTime();
    int status =
        s.run(
            0.3,
            () -> {
              Progress.stage("compiling Slow (statement 1 of 1)");
              Thread.sleep(1500);
              s.commit(() -> wrote[0] = true);
              return Main.OK;
            });
    assertTrue(System.nanoTime() - start < 1_200_000_000L, "returned at the limit, not at the end of the work");
    assertEquals(Main.TIMEOUT, status);
    assertEquals("energy: stopped after 0.3 s (--timeout) while compiling Slow (statement 1 of 1); nothing was written\n", err.toString(StandardCharsets.UTF_8));
    try {
      Thread.sleep(1600);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    assertFalse(wrote[0], "the worker's late write was refused");
  }

  @Test
  void exhaustedMemoryIsOneLineWithTheStage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Progress.stage("compiling Big (statement 2 of 3)");
    int status = Main.exhausted(new OutOfMemoryError("Java heap space"), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(Main.INTERNAL, status);
    assertEquals(
        "energy: out of memory while compiling Big (statement 2 of 3); try fewer units or smaller sizes, or give Java more memory, e.g. JAVA_TOOL_OPTIONS=-Xmx8g\n",
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void checkSaysWhenAModelHasTooManyUnitsToEnumerate(@TempDir Path dir) throws Exception {
    Path in = Files.writeString(dir.resolve("big.energy"), "dim n = 30\nspin s[n]\nparam a[n]\nenergy H(s) = -a.s\nZ = partition H\n");
    Run r = run("check", in.toString());
    assertNoTrace(r);
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("  Z           skipped: 30 discrete units, more than 24: enumerating 2^30 states not attempted\n"), r.out());
  }

  @Test
  void aLineBreakInTheFileNameCannotInjectLatex(@TempDir Path dir) throws Exception {
    Path in = Files.writeString(dir.resolve("a\n\\input{evil}\n.energy"), PAIR);
    Run r = run("compile", "--standalone", in.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().lines().noneMatch(l -> l.startsWith("\\input")), r.out());
    assertTrue(r.out().contains("a\\n\\input{evil}\\n.energy"), r.out());
  }
}
