package energy.cli;

import energy.Compilation;
import energy.json.JsonRenderer;
import energy.present.LatexRenderer;
import energy.present.Presenter;
import energy.present.TextRenderer;
import java.nio.file.Path;
import java.util.List;
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
    json
  }

  @ParentCommand Main main;
  @Mixin TimeoutOption timeout;
  @picocli.CommandLine.Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = ".energy files")
  List<Path> files;

  @Option(names = "--format", defaultValue = "latex", description = "latex, text or json (default: ${DEFAULT-VALUE})")
  Format format;

  enum MathStyle {
    paper,
    web
  }

  @Option(names = "--math", defaultValue = "paper",
      description = "with latex: paper (align* environments for a document) or web (per result one aligned block that KaTeX and MathJax accept; no $$ around it) (default: ${DEFAULT-VALUE})")
  MathStyle math;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write to OUT (atomically) instead of standard output")
  Path output;

  @Option(names = "--standalone", description = "with latex: a complete document that pdflatex compiles as is")
  boolean standalone;

  @Option(names = "--substitute", description = "write the cumulants of expansions in closed form (as if each 'expand' said 'substituted')")
  boolean substitute;

  @Option(names = "--plots", paramLabel = "DIR", description = "write each flow's plot as DIR/FILE-STEP.svg and .png (FILE: the input's name)")
  Path plots;

  @Override
  public Integer call() {
    return main.supervise(timeout.seconds(spec), this::compile);
  }

  private Integer compile() {
    if (math == MathStyle.web && (format != Format.latex || standalone))
      throw new UserError("--math web is for --format latex without --standalone (web math goes into a page, not a LaTeX document)");
    List<Compilation> compilations = Inputs.compileAll(files, new energy.Compiler.Options(substitute));
    for (Compilation c : compilations)
      if (c.isEmpty())
        main.err.println(
            c.model().source().path() + ": note: no results to print; ask for one, e.g. 'F = marginalize H over h' or 'Z = partition H'");
    String text;
    switch (format) {
      case text:
        text = TextRenderer.render(Presenter.present(compilations));
        break;
      case json:
        text = new JsonRenderer().render(compilations);
        break;
      default:
        var files = Presenter.present(compilations);
        text = math == MathStyle.web ? LatexRenderer.web(files) : standalone ? LatexRenderer.standalone(files) : LatexRenderer.paper(files);
    }
    String result = text;
    main.commit(
        () -> {
          if (plots != null) writePlots(compilations);
          if (output == null) main.out.print(result);
          else Inputs.writeAtomically(output, result, files);
          main.out.flush();
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
