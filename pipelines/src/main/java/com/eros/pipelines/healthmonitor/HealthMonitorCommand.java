package com.eros.pipelines.healthmonitor;

import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.cli.Command;
import com.eros.pipelines.alerts.delivery.Environment;
import com.eros.pipelines.support.OptionsParser;
import java.io.PrintStream;
import org.apache.beam.sdk.Pipeline;

/** {@code ./eros health-monitor}: evaluates the alert rules, raises and delivers alerts. */
public final class HealthMonitorCommand implements Command {
  private final Environment env;

  public HealthMonitorCommand() {
    this(Environment.system());
  }

  /** With another environment (where the channel URLs and keys are looked up). */
  public HealthMonitorCommand(Environment env) {
    this.env = env;
  }

  @Override
  public String name() {
    return HealthMonitorPipeline.COMMAND;
  }

  @Override
  public String summary() {
    return "evaluate the alert rules; raise, deliver and record alerts (every 4 hours)";
  }

  @Override
  public int run(String[] args, PrintStream out) {
    if (OptionsParser.wantsHelp(args)) {
      out.println("./eros health-monitor [options]: evaluates the alert rules of REFERENCE §5 on the tables,");
      out.println("writes automation_alerts rows (respecting each rule's cooldown), delivers them to Slack, Google Chat,");
      out.println("PagerDuty, a JSON webhook and e-mail (routing per level in --rules), and records the outcome.");
      out.println("Channel secrets come from the environment (EROS_SLACK_WEBHOOK_URL, EROS_GOOGLE_CHAT_WEBHOOK_URL,");
      out.println("EROS_PAGERDUTY_ROUTING_KEY, EROS_WEBHOOK_URL, EROS_SMTP_PASSWORD) or Secret Manager.");
      out.flush();
      OptionsParser.printHelp(HealthMonitorOptions.class);
      return 0;
    }
    HealthMonitorOptions options = OptionsParser.parse(HealthMonitorOptions.class, args);
    HealthMonitorPipeline.Setup setup = HealthMonitorPipeline.setup(options);
    Warehouse warehouse = OptionsParser.warehouse(options);
    OptionsParser.tuneLocalRunner(options);
    return HealthMonitorPipeline.execute(Pipeline.create(options), setup, warehouse, env, out);
  }
}
