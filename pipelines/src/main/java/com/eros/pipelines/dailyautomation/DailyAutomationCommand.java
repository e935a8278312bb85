package com.eros.pipelines.dailyautomation;

import com.eros.pipelines.cli.Command;
import com.eros.pipelines.support.OptionsParser;
import java.io.PrintStream;

/** {@code ./eros daily-automation}: REFERENCE §3. */
public final class DailyAutomationCommand implements Command {
  @Override
  public String name() {
    return DailyAutomationPipeline.COMMAND;
  }

  @Override
  public String summary() {
    return "daily run for a Los Angeles date: creator profiles, saturation, schedule queue, breaker, lock sweep";
  }

  @Override
  public int run(String[] args, PrintStream out) {
    if (OptionsParser.wantsHelp(args)) {
      out.println("./eros daily-automation [options]: the daily run of REFERENCE §3 for one Los Angeles date. Its alerts");
      out.println("(and its lock sweep's) are delivered like the health monitor's: channels, routing and cooldown below.");
      out.flush();
      OptionsParser.printHelp(DailyAutomationOptions.class);
      return 0;
    }
    return DailyAutomationPipeline.run(args, out);
  }
}
