package energy.cli;

/** A problem with the command line or the files it names (not with their contents). */
final class UserError extends RuntimeException {
  UserError(String message) {
    super(message);
  }
}
