package energy.maven;

import energy.api.Document;
import energy.api.Energy;
import energy.api.Format;
import energy.diag.CompileException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles each {@code .energy} file under {@code sourceDirectory} into {@code NAME.tex} (the
 * results as {@code align*} environments, for a paper to {@code \input}) and {@code NAME.json}
 * (the versioned JSON document) in {@code outputDirectory}.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class CompileMojo extends EnergyMojo {
  @Parameter(property = "energy.sources", defaultValue = "${project.basedir}/src/main/energy")
  File sourceDirectory;

  @Parameter(property = "energy.generated", defaultValue = "${project.build.directory}/generated-resources/energy")
  File outputDirectory;

  @Override
  void work(List<String> errors) throws MojoExecutionException {
    Path in = sourceDirectory.toPath(), out = outputDirectory.toPath();
    Cache cache = new Cache(out.resolve(".energy-compile.cache"));
    int compiled = 0, unchanged = 0, failed = 0;
    for (Path file : files(sourceDirectory, p -> p.getFileName().toString().endsWith(".energy"))) {
      String stem = in.relativize(file).toString().replaceFirst("\\.energy$", "");
      Path tex = out.resolve(stem + ".tex"), json = out.resolve(stem + ".json");
      String name = display(file), text = read(file);
      String fingerprint = fingerprint("compile", text);
      if (cache.fresh(name, fingerprint, tex, json)) {
        unchanged++;
        continue;
      }
      try {
        Document d = Energy.compile(text, name);
        writeAtomically(tex, d.render(Format.LATEX));
        writeAtomically(json, d.render(Format.JSON));
        cache.put(name, fingerprint);
        compiled++;
      } catch (CompileException e) {
        errors.add(message(e));
        failed++;
      }
    }
    cache.save();
    getLog().info("energy: " + compiled + " file(s) compiled, " + unchanged + " unchanged, " + failed + " with errors, into " + display(out));
  }
}
