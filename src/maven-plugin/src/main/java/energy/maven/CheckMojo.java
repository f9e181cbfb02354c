package energy.maven;

import energy.api.Energy;
import energy.diag.CompileException;
import energy.verify.Checker;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Verifies every result of the {@code .energy} files under {@code sourceDirectory} numerically,
 * by an independent route (as {@code energy check} does); a mismatch fails the build. Files
 * verified before with the same content, tool and settings are not checked again.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class CheckMojo extends EnergyMojo {
  @Parameter(property = "energy.sources", defaultValue = "${project.basedir}/src/main/energy")
  File sourceDirectory;

  /** Where the record of verified files is kept. */
  @Parameter(defaultValue = "${project.build.directory}/energy-check")
  File workDirectory;

  @Override
  void work(List<String> errors) throws MojoExecutionException {
    Cache cache = new Cache(workDirectory.toPath().resolve(".energy-check.cache"));
    int checked = 0, unchanged = 0;
    for (Path file : files(sourceDirectory, p -> p.getFileName().toString().endsWith(".energy"))) {
      String name = display(file), text = read(file);
      String fingerprint = fingerprint("check", String.valueOf(samples), String.valueOf(seed), text);
      if (cache.fresh(name, fingerprint)) {
        unchanged++;
        continue;
      }
      try {
        boolean ok = true;
        for (Checker.Report r : Energy.compile(text, name).check(samples, seed)) {
          if (r.skipped() != null) getLog().warn(name + ": the check of " + r.name() + " was skipped: " + r.skipped());
          else if (!r.passed()) {
            ok = false;
            errors.add(name + ": error: the numerical check of " + r.name() + " failed: " + describe(r) + "\n");
          } else getLog().info(name + ": " + r.name() + " verified (" + r.measure() + ")");
        }
        if (ok) cache.put(name, fingerprint);
        checked++;
      } catch (CompileException e) {
        errors.add(message(e));
      }
    }
    cache.save();
    getLog().info("energy: " + checked + " file(s) checked, " + unchanged + " unchanged since they were verified");
  }

  private String describe(Checker.Report r) {
    if (r.detail() != null) return r.measure() + ": " + r.detail() + " (seed " + seed + ")";
    return String.format(Locale.ROOT, "%s: max rel. error %.1e (seed %d, %d samples)", r.measure(), r.weightError(), seed, samples);
  }
}
