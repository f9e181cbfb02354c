package energy.cli;

import energy.Compilation;
import energy.json.JsonRenderer;
import energy.present.LatexRenderer;
import energy.present.Presenter;
import energy.present.TextRenderer;
import energy.present.PresentedFile;
import energy.present.Presentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "compile", mixinStandardHelpOptions = true, description = "Compute the results of .energy files and print them.")
final class CompileCommand implements Callable<Integer> {
  enum Format {
    latex,
    text,
    json,
    svg,
    png
  }

  @ParentCommand Main main;
  @Mixin TimeoutOption timeout;
  @picocli.CommandLine.Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = ".energy files")
  List<Path> files;

  @Option(names = "--format", defaultValue = "latex", description = "latex, text, json, or svg / png: one image per result, OUT/NAME.svg (several files: OUT/FILE-NAME.svg), drawn without TeX (default: ${DEFAULT-VALUE})")
  Format format;

  enum MathStyle {
    paper,
    web
  }

  @Option(names = "--math", defaultValue = "paper",
      description = "with latex: paper (align* environments for a document) or web (per result one aligned block that KaTeX and MathJax accept; no $$ around it) (default: ${DEFAULT-VALUE})")
  MathStyle math;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write to OUT (atomically) instead of standard output; with svg or png: the directory of the images")
  Path output;

  @Option(names = "--standalone", description = "with latex: a complete document that pdflatex compiles as is")
  boolean standalone;

  @Option(names = "--substitute", description = "write the cumulants of expansions in closed form (as if each 'expand' said 'substituted')")
  boolean substitute;

  @Option(names = "--steps", description = "show how each marginal and expansion was obtained: the quadratic form's M and J, the Gaussian formula, det M and M⁻¹, the groups of coupled discrete units and their sums, the cumulant expansion's terms")
  boolean steps;

  @Option(names = "--plots", paramLabel = "DIR", description = "write each flow's plot as DIR/FILE-STEP.svg and .png (FILE: the input's name)")
  Path plots;

  @Override
  public Integer call() {
    return main.supervise(timeout.seconds(spec), this::compile);
  }

  private Integer compile() {
    boolean images = format == Format.svg || format == Format.png;
    if (images && output == null)
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format " + format + " writes one file per result: give the directory with -o DIR");
    if (images && (standalone || math == MathStyle.web))
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format " + format + " draws the web math itself; drop --standalone and --math");
    if (math == MathStyle.web && (format != Format.latex || standalone))
      throw new UserError("--math web is for --format latex without --standalone (web math goes into a page, not a LaTeX document)");
    if (images && steps) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--steps is for --format latex, text or json");
    List<Compilation> compilations = Inputs.compileAll(files, new energy.Compiler.Options(substitute));
    for (Compilation c : compilations)
      if (c.isEmpty())
        main.err.println(
            c.model().source().path() + ": note: no results to print; ask for one, e.g. 'F = marginalize H over h' or 'Z = partition H'");
    if (images) return writeImages(compilations);
    Inputs.Content content;
    switch (format) {
      case text:
        var presented = Presenter.present(compilations, steps);
        content = Inputs.Content.text(out -> TextRenderer.render(presented, out));
        break;
      case json:
        content = Inputs.Content.text(out -> new JsonRenderer(steps).render(compilations, out));
        break;
      default:
        var files = Presenter.present(compilations, steps);
        String latex = math == MathStyle.web ? LatexRenderer.web(files) : standalone ? LatexRenderer.standalone(files) : LatexRenderer.paper(files);
        content = Inputs.Content.text(out -> out.write(latex));
    }
    // Written to a temporary file first (a large result is never one string), then put in place.
    try (Inputs.Staged staged = Inputs.stage(output, files, content)) {
      main.commit(
          () -> {
            if (plots != null) writePlots(compilations);
            staged.place(main.out);
            main.out.flush();
          });
    }
    return Main.OK;
  }

  /** Draws every result first (a failure writes nothing), then writes the files. */
  private Integer writeImages(List<Compilation> compilations) {
    if (Files.exists(output) && !Files.isDirectory(output))
      throw new UserError("cannot write images into '" + output + "': it is a file; -o with --format " + format + " names a directory");
    Map<Path, byte[]> images = new LinkedHashMap<>();
    for (Compilation c : compilations) {
      PresentedFile f = Presenter.present(c);
      String prefix = files.size() > 1 ? Path.of(f.path()).getFileName().toString().replaceFirst("\\.energy$", "") + "-" : "";
      for (Presentation p : f.results()) {
        String latex = LatexRenderer.web(f, p);
        byte[] bytes;
        try {
          bytes = format == Format.svg ? FormulaImages.svg(latex) : FormulaImages.png(latex);
        } catch (RuntimeException e) {
          throw new UserError("cannot draw " + p.name() + " of " + f.path() + " (JLaTeXMath: " + e.getMessage() + "); please report it");
        }
        images.put(output.resolve(prefix + p.name() + "." + format), bytes);
      }
    }
    main.commit(
        () -> {
          if (plots != null) writePlots(compilations);
          images.forEach((target, bytes) -> Inputs.writeAtomically(target, bytes, files));
          main.err.println("wrote " + images.size() + " " + format + " file" + (images.size() == 1 ? "" : "s") + " to " + output);
        });
    return Main.OK;
  }

  private void writePlots(List<Compilation> compilations) {
    for (Compilation c : compilations)
      for (energy.result.RgStep r : c.results(energy.result.RgStep.class)) {
        if (r.flow().isEmpty() || r.flow().get().recursion().dimension() > 2) continue;
        String file = java.nio.file.Path.of(c.model().source().path()).getFileName().toString().replaceFirst("\\.energy$", "");
        try {
          energy.rg.flow.FlowPlot.Files2 f = energy.rg.flow.FlowPlot.write(r.flow().get(), plots, file + "-" + r.name());
          main.err.println("wrote " + f.svg() + " and " + f.png());
        } catch (java.io.IOException e) {
          throw new UserError("cannot write the plot of " + r.name() + ": " + e.getMessage());
        }
      }
  }
}
