package energy.algebra;

/**
 * Thrown by a symbolic operation whose conditions fail on this input (an energy not quadratic
 * in the units to integrate, a divergent integral, too many coupled units). The message is
 * for the user; the caller attaches the source position.
 */
public final class NotApplicable extends RuntimeException {
  private final String hint;

  public NotApplicable(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}
