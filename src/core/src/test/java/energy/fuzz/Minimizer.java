package energy.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Delta debugging (ddmin, complement removal only): first whole lines, then tokens, are removed
 * in chunks of halving size while the program still shows the same finding. The result is
 * 1-minimal in tokens when the budget suffices: removing any single token loses the finding.
 */
public final class Minimizer {
  private final Predicate<String> same;
  private final long deadline;
  private int tests;

  /** @param same whether a candidate still shows the finding; @param budgetMillis wall time allowed */
  public Minimizer(Predicate<String> same, long budgetMillis) {
    this.same = same;
    this.deadline = System.currentTimeMillis() + budgetMillis;
  }

  public int tests() {
    return tests;
  }

  public String minimize(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("(?<=\n)")));
    lines = ddmin(lines);
    List<String> tokens = Generator.tokens(String.join("", lines));
    tokens = ddmin(tokens);
    return squeeze(String.join("", tokens));
  }

  private List<String> ddmin(List<String> items) {
    int chunk = Math.max(1, items.size() / 2);
    while (System.currentTimeMillis() < deadline) {
      boolean progress = false;
      for (int start = 0; start < items.size() && System.currentTimeMillis() < deadline; ) {
        List<String> candidate = new ArrayList<>(items.subList(0, start));
        candidate.addAll(items.subList(Math.min(items.size(), start + chunk), items.size()));
        if (!candidate.isEmpty() && test(String.join("", candidate))) {
          items = candidate;
          progress = true;
        } else start += chunk;
      }
      if (!progress) {
        if (chunk == 1) break;
        chunk = Math.max(1, chunk / 2);
      }
    }
    return items;
  }

  /** Runs of blanks collapsed to one where that keeps the finding (a cosmetic last pass). */
  private String squeeze(String text) {
    String s = text.replaceAll("[ \\t]+", " ").replaceAll("\\n\\s*\\n", "\n").strip() + "\n";
    return !s.equals(text) && test(s) ? s : text;
  }

  private boolean test(String candidate) {
    tests++;
    return same.test(candidate);
  }
}
