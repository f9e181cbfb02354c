package energy.cli.render;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The 30-block document of {@link RenderBenchmark} through the Maven plugin's {@code render} goal
 * and its cache: a baseline with the goal skipped (Maven alone), a first build (all algebra), a second with nothing changed (no algebra: every
 * document is skipped by its content hash), and a third after one block's document was edited.
 * Whole {@code mvn} processes, wall clock, medians. It resolves the plugin from the local
 * repository the plugin's integration tests install ({@code mvn verify} first). A benchmark, not a
 * test (from the repository top):
 *
 * <pre>
 * mvn -q -o verify && java -cp "src/cli/target/test-classes:src/cli/target/energy.jar:src/cli/target/lib/*" energy.cli.render.PluginRenderBenchmark [RUNS]
 * </pre>
 */
public final class PluginRenderBenchmark {
  private PluginRenderBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = Math.max(1, args.length > 0 ? Integer.parseInt(args[0]) : 3);
    Path repo = Path.of("src/maven-plugin/target/local-repo").toAbsolutePath();
    if (!Files.isDirectory(repo.resolve("org/energy/energy-maven-plugin")))
      throw new IllegalStateException("no plugin in " + repo + ": run `mvn -o verify` first (the integration tests install it there)");
    String version = Files.list(repo.resolve("org/energy/energy-maven-plugin")).filter(Files::isDirectory).findFirst().orElseThrow().getFileName().toString();
    List<RenderBenchmark.Sample> blocks = RenderBenchmark.blocks();
    // Two documents: the 30 blocks, and one small page that the third build edits.
    String small = "# One spin\n\n```energy\nspin s\nparam h\nenergy H(s) = -h*s\nZ = partition H\n```\n";
    List<Double> skipped = new ArrayList<>(), first = new ArrayList<>(), unchanged = new ArrayList<>(), edited = new ArrayList<>();
    System.out.printf(Locale.ROOT, "%d blocks, plugin %s, %d runs; load before: %s%n", blocks.size(), version, runs, RenderBenchmark.uptime());
    for (int r = 0; r < runs; r++) {
      Path project = Files.createTempDirectory("energy-plugin-bench");
      Files.createDirectories(project.resolve("src/docs"));
      Files.writeString(project.resolve("src/docs/doc.md"), RenderBenchmark.document(blocks), StandardCharsets.UTF_8);
      Files.writeString(project.resolve("src/docs/small.md"), small, StandardCharsets.UTF_8);
      Files.writeString(project.resolve("pom.xml"), pom(version), StandardCharsets.UTF_8);
      // As the integration tests resolve: that repository is also the only remote (no network).
      Path settings = project.resolve("settings.xml");
      Files.writeString(settings, Files.readString(Path.of("src/maven-plugin/src/it/settings.xml")).replace("@localRepositoryUrl@", repo.toUri().toString()));
      List<String> mvn = List.of("mvn", "-q", "-s", settings.toString(), "-Dmaven.repo.local=" + repo, "-f", project.resolve("pom.xml").toString(), "generate-resources");
      // The baseline: the same Maven build with the goal skipped (Maven's own start and the plugin's loading).
      List<String> skip = new ArrayList<>(mvn);
      skip.add(skip.size() - 1, "-Denergy.skip=true");
      skipped.add(RenderBenchmark.seconds(skip));
      first.add(RenderBenchmark.seconds(mvn));
      RenderBenchmark.sameAsInProcess(blocks, Files.readString(project.resolve("target/generated-docs/doc.md"), StandardCharsets.UTF_8));
      unchanged.add(RenderBenchmark.seconds(mvn));
      String before = Files.readString(project.resolve("target/generated-docs/small.md"));
      Files.writeString(project.resolve("src/docs/small.md"), small.replace("-h*s", "-2*h*s"), StandardCharsets.UTF_8);
      edited.add(RenderBenchmark.seconds(mvn));
      if (Files.readString(project.resolve("target/generated-docs/small.md")).equals(before)) throw new AssertionError("the edited page was not rendered again");
    }
    System.out.println("| build | wall s (median) | runs |");
    System.out.println("| --- | --- | --- |");
    System.out.printf(Locale.ROOT, "| (0) baseline: the goal skipped (energy.skip) | %.1f | %d |%n", RenderBenchmark.median(skipped), runs);
    System.out.printf(Locale.ROOT, "| (1) first build: 30 blocks + 1 page rendered | %.1f | %d |%n", RenderBenchmark.median(first), runs);
    System.out.printf(Locale.ROOT, "| (2) nothing changed: both documents skipped | %.1f | %d |%n", RenderBenchmark.median(unchanged), runs);
    System.out.printf(Locale.ROOT, "| (3) the small page edited: it alone rendered | %.1f | %d |%n", RenderBenchmark.median(edited), runs);
    System.out.println("skipped " + skipped + "; first " + first + "; unchanged " + unchanged + "; edited " + edited + "; load after: " + RenderBenchmark.uptime());
  }

  private static String pom(String version) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>bench</groupId>
          <artifactId>bench</artifactId>
          <version>1</version>
          <packaging>pom</packaging>
          <build>
            <plugins>
              <plugin>
                <groupId>org.energy</groupId>
                <artifactId>energy-maven-plugin</artifactId>
                <version>%s</version>
                <executions><execution><goals><goal>render</goal></goals></execution></executions>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(version);
  }
}
