package energy.present;

import java.util.List;

/** One result turned into a format-neutral document, which every renderer walks. */
public record Presentation(String name, List<Part> parts) {
  public Presentation {
    parts = List.copyOf(parts);
  }
}
