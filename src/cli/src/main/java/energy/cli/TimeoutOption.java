package energy.cli;

import picocli.CommandLine.Option;

/** {@code --timeout SECONDS}, shared by the commands (a picocli mixin). */
final class TimeoutOption {
  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "stop after SECONDS, write nothing and exit with status 124")
  Double seconds;

  /** The limit in seconds, null for none; a limit that is not positive is a usage error. */
  Double seconds(picocli.CommandLine.Model.CommandSpec spec) {
    if (seconds != null && !(seconds > 0))
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds, not " + seconds);
    return seconds;
  }
}
