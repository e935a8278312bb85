package com.eros.pipelines.locksweep;

import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.cli.Command;
import com.eros.pipelines.support.OptionsParser;
import java.io.PrintStream;

/** {@code ./eros lock-sweep}: release expired caption locks, log the sweep, raise lock_cleanup alerts. */
public final class LockSweepCommand implements Command {
  @Override
  public String name() {
    return LockSweepPipeline.COMMAND;
  }

  @Override
  public String summary() {
    return "release expired caption locks (past send date, stale), log the sweep, alert on volume and bloat";
  }

  @Override
  public int run(String[] args, PrintStream out) {
    if (OptionsParser.wantsHelp(args)) {
      out.println("./eros lock-sweep [options]: deactivates active locks whose send date is before Los Angeles today");
      out.println("(PAST_SEND_DATE) or that have no send date and were assigned more than --staleLockDays ago (STALE);");
      out.println("writes lock_sweep_log, automation_alerts (source lock_cleanup) and etl_job_runs (job_name lock_sweep).");
      out.println("Alerts are delivered like the health monitor's (channels, routing and cooldown from --rules).");
      out.flush();
      OptionsParser.printHelp(LockSweepOptions.class);
      return 0;
    }
    LockSweepOptions options = LockSweepPipeline.parse(args);
    SweepConfig cfg = LockSweepPipeline.config(options);
    LockSweepPipeline.alerts(options); // a bad alert option or rules file is refused before anything is written
    Warehouse wh = OptionsParser.warehouse(options);
    return LockSweepPipeline.run(options, wh, cfg, out);
  }
}
