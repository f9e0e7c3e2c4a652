package io.chorus.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code chorus} command line. */
@Command(name = "chorus", mixinStandardHelpOptions = true, version = "Chorus 0.1.0",
    description = "Chorus: a multi-agent social media platform.",
    subcommands = {RunCommand.class, DemoCommand.class, SimulatorCommand.class, MigrateCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped cleanly", "1:could not start", "2:invalid configuration or usage"})
public final class ChorusCommand implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new ChorusCommand()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
