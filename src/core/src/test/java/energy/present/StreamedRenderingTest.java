package energy.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.Compilation;
import energy.Compiler;
import energy.diag.Source;
import energy.json.JsonRenderer;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The text and JSON written to a stream are the strings the renderers return, and the text
 * reaches the stream in pieces (an expansion of many couplings is never one string).
 */
class StreamedRenderingTest {
  /** An RBM-like model expanded to order k, with random unit kinds. */
  static String model(int n, int m, int k, Random random) {
    String visible = random.nextBoolean() ? "spin" : "binary", hidden = random.nextBoolean() ? "spin" : "binary";
    return "model R\ndim n = " + n + ", m = " + m + "\n" + visible + " v[n]\n" + hidden + " h[m]\nparam a[n], b[m], W[n,m]\n"
        + (random.nextBoolean() ? "temperature beta\n" : "") + "energy E(v, h) = -a.v - b.h - v.W.h\nF = marginalize E over h\n"
        + "G = expand F in W to order " + k + "\n";
  }

  /** Every piece the sink received. */
  static final class Pieces implements Appendable {
    final List<String> pieces = new ArrayList<>();

    @Override
    public Appendable append(CharSequence s) {
      pieces.add(s.toString());
      return this;
    }

    @Override
    public Appendable append(CharSequence s, int start, int end) {
      return append(s.subSequence(start, end));
    }

    @Override
    public Appendable append(char c) {
      return append(String.valueOf(c));
    }
  }

  @Test
  void streamedTextAndJsonEqualTheStringsOnRandomExpansions() throws Exception {
    long seed = 20261127L;
    System.out.println("seed " + seed);
    Random random = new Random(seed);
    for (int trial = 0; trial < 6; trial++) {
      int n = 2 + random.nextInt(5), m = 1 + random.nextInt(3), k = 1 + random.nextInt(4);
      String source = model(n, m, k, random);
      Compilation c = Compiler.compile(new Source("r.energy", source));
      List<PresentedFile> files = List.of(Presenter.present(c));
      String whole = TextRenderer.render(files);
      Pieces sink = new Pieces();
      TextRenderer.render(files, sink);
      assertEquals(whole, String.join("", sink.pieces), source);
      StringWriter json = new StringWriter();
      new JsonRenderer().render(List.of(c), json);
      assertEquals(new JsonRenderer().render(List.of(c)), json.toString(), source);
    }
  }

  @Test
  void aLargeExpansionReachesTheSinkInPieces() throws Exception {
    Compilation c = Compiler.compile(new Source("r.energy", model(16, 3, 4, new Random(1))));
    List<PresentedFile> files = List.of(Presenter.present(c));
    String whole = TextRenderer.render(files);
    Pieces sink = new Pieces();
    TextRenderer.render(files, sink);
    assertEquals(whole, String.join("", sink.pieces));
    assertTrue(whole.length() > 3 * TextRenderer.CHUNK, "the case is too small to show streaming: " + whole.length());
    // Handed on about a chunk at a time: several pieces, none near the whole.
    assertTrue(sink.pieces.size() >= 3, "pieces: " + sink.pieces.size());
    for (String p : sink.pieces) assertTrue(p.length() < 2 * TextRenderer.CHUNK, "a piece of " + p.length() + " characters");
  }
}
