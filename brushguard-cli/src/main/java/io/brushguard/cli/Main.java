package io.brushguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code brushguard} command. */
@Command(
    name = "brushguard",
    mixinStandardHelpOptions = true,
    version = "brushguard 0.1.0",
    description = "Catches order brushing and fake reviews (刷单炒信) in marketplace events.",
    subcommands = {
      ScanCommand.class,
      ShopeeCommand.class,
      EvalCommand.class,
      SimulateCommand.class,
      DemoCommand.class,
      QualityCommand.class,
      TrainCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line; returns the exit code (0 ok, 1 failure, 2 usage error). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("brushguard: " + (e.getMessage() == null ? e : e.getMessage()));
          return 1;
        });
    cli.setParameterExceptionHandler(
        (e, a) -> {
          e.getCommandLine().getErr().println("brushguard: " + e.getMessage() + " (see --help)");
          return 2;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }
}
