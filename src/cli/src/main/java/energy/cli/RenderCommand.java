package energy.cli;

import energy.cli.render.BlockRenderer;
import energy.cli.render.BlocksJson;
import energy.cli.render.DocumentRenderer;
import energy.cli.render.Syntax;
import energy.diag.Source;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Write a document back with each energy block replaced by its results as math:",
      "Markdown ```energy fences -> $$\\begin{aligned}...\\end{aligned}$$, LaTeX \\begin{energy} -> align*,"
          + " AsciiDoc [source,energy] -> [latexmath]. Blocks share one session.",
      "Block options: show=\"NAME1,NAME2\", hide, source (keep the block), check (verify numerically)."
    })
final class RenderCommand implements Callable<Integer> {
  enum Kind {
    markdown,
    latex,
    asciidoc
  }

  @ParentCommand Main main;
  @Mixin TimeoutOption timeout;
  @picocli.CommandLine.Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "the document; - or none: standard input")
  Path file;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write to OUT (atomically) instead of standard output")
  Path output;

  @Option(names = "--syntax", paramLabel = "KIND", description = "markdown, latex or asciidoc (default: by FILE's extension; markdown for standard input)")
  Kind kind;

  @Option(names = "--blocks-json", description = "the input is a JSON list of blocks and the output their results as JSON (for the Pandoc filter)")
  boolean blocksJson;

  @Option(names = "--name", paramLabel = "NAME", description = "the document's name in messages when it is read from standard input")
  String name;

  @Option(names = "--samples", defaultValue = "10", description = "random draws per checked result (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the checks' random draws (default: ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() {
    if (samples < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--samples must be at least 1, not " + samples);
    return main.supervise(timeout.seconds(spec), this::render);
  }

  private Integer render() {
    boolean stdin = file == null || file.toString().equals("-");
    Source input = stdin ? readStandardInput() : Inputs.read(file);
    String result;
    if (blocksJson) {
      BlocksJson.Request request;
      try {
        request = BlocksJson.parse(input.text());
      } catch (IllegalArgumentException e) {
        throw new UserError("--blocks-json: " + e.getMessage());
      }
      result = BlocksJson.response(new BlockRenderer(request.format(), samples, seed, main.err).render(request.blocks()));
    } else {
      Syntax syntax = syntax(stdin);
      result = DocumentRenderer.render(syntax, input, new BlockRenderer(syntax.format, samples, seed, main.err));
    }
    main.commit(
        () -> {
          if (output == null) main.out.print(result);
          else Inputs.writeAtomically(output, result, stdin ? List.of() : List.of(file));
          main.out.flush();
        });
    return Main.OK;
  }

  private Syntax syntax(boolean stdin) {
    if (kind != null) return Syntax.valueOf(kind.name().toUpperCase(Locale.ROOT));
    Syntax s = stdin ? Syntax.MARKDOWN : Syntax.of(file);
    if (s == null)
      throw new UserError("cannot tell the kind of '" + file + "' from its extension (.md, .tex, .adoc); give --syntax markdown|latex|asciidoc");
    return s;
  }

  private Source readStandardInput() {
    try {
      byte[] bytes = System.in.readNBytes(Inputs.MAX_INPUT_BYTES + 1);
      if (bytes.length > Inputs.MAX_INPUT_BYTES) throw new UserError("standard input is larger than " + (Inputs.MAX_INPUT_BYTES >> 20) + " MB");
      return Inputs.decode(name == null ? "<stdin>" : name, bytes);
    } catch (IOException e) {
      throw new UserError("cannot read standard input: " + Inputs.reason(e));
    }
  }
}
