package energy.maven;

import energy.cli.render.BlockRenderer;
import energy.cli.render.DocumentRenderer;
import energy.cli.render.Syntax;
import energy.diag.CompileException;
import energy.diag.Source;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders the Markdown, LaTeX and AsciiDoc documents under {@code sourceDirectory} into
 * {@code outputDirectory}, each energy block replaced by its results as math (as
 * {@code energy render} does); blocks with the option {@code check} are verified.
 */
@Mojo(name = "render", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class RenderMojo extends EnergyMojo {
  @Parameter(property = "energy.docs", defaultValue = "${project.basedir}/src/docs")
  File sourceDirectory;

  @Parameter(property = "energy.generatedDocs", defaultValue = "${project.build.directory}/generated-docs")
  File outputDirectory;

  @Override
  void work(List<String> errors) throws MojoExecutionException {
    Path in = sourceDirectory.toPath(), out = outputDirectory.toPath();
    Cache cache = new Cache(out.resolve(".energy-render.cache"));
    int rendered = 0, unchanged = 0, failed = 0;
    for (Path doc : files(sourceDirectory, p -> Syntax.of(p) != null)) {
      Path target = out.resolve(in.relativize(doc));
      String name = display(doc), text = read(doc);
      String fingerprint = fingerprint("render", String.valueOf(samples), String.valueOf(seed), text);
      if (cache.fresh(name, fingerprint, target)) {
        unchanged++;
        continue;
      }
      ByteArrayOutputStream notes = new ByteArrayOutputStream();
      Syntax syntax = Syntax.of(doc);
      try {
        String result =
            DocumentRenderer.render(
                syntax, new Source(name, text), new BlockRenderer(syntax.format, samples, seed, new PrintStream(notes, true, StandardCharsets.UTF_8)));
        writeAtomically(target, result);
        cache.put(name, fingerprint);
        rendered++;
      } catch (CompileException e) {
        errors.add(message(e));
        failed++;
      }
      for (String note : notes.toString(StandardCharsets.UTF_8).split("\n")) if (!note.isBlank()) getLog().warn(note);
    }
    cache.save();
    getLog().info("energy: " + rendered + " document(s) rendered, " + unchanged + " unchanged, " + failed + " with errors, into " + display(out));
  }
}
