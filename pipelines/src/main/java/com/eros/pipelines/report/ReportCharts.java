package com.eros.pipelines.report;

import com.eros.common.time.LaTime;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.Hour;
import org.jfree.data.time.RegularTimePeriod;
import org.jfree.data.time.TimeTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's charts, built with JFreeChart from the section models (no title inside a chart: the
 * page gives each one a caption). {@link SvgChart} draws them to SVG.
 */
final class ReportCharts {
  static {
    // charts are drawn on servers and workers without a display; set before AWT first looks
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  static final TimeZone ZONE = TimeZone.getTimeZone(LaTime.ZONE);
  static final Locale LOCALE = Locale.US;

  static final Color RED = new Color(0xC6, 0x28, 0x28);
  static final Color AMBER = new Color(0xEF, 0x8F, 0x00);
  static final Color BLUE = new Color(0x15, 0x65, 0xC0);
  static final Color GREEN = new Color(0x2E, 0x7D, 0x32);
  static final Color PURPLE = new Color(0x6A, 0x1B, 0x9A);
  static final Color TEAL = new Color(0x00, 0x83, 0x8F);
  static final Color BROWN = new Color(0x8D, 0x6E, 0x63);
  static final Color GREY = new Color(0x9E, 0x9E, 0x9E);
  static final Color GRID = new Color(0xE0, 0xE0, 0xE0);
  static final Color INK = new Color(0x33, 0x33, 0x33);

  /** Colours for keys without a fixed colour (rejection rules, unknown pipelines). */
  static final Color[] CYCLE = {
    BLUE,
    AMBER,
    GREEN,
    PURPLE,
    TEAL,
    BROWN,
    RED,
    new Color(0x55, 0x8B, 0x2F),
    new Color(0xAD, 0x14, 0x57),
    new Color(0x28, 0x35, 0x93),
    new Color(0x4E, 0x34, 0x2E),
    GREY
  };

  static final Map<String, Color> LEVEL_COLORS =
      Map.of("CRITICAL", RED, "WARNING", AMBER, "INFO", BLUE);
  static final Map<String, Color> PIPELINE_COLORS =
      Map.of(
          "caption_performance",
          BLUE,
          "daily_automation",
          GREEN,
          "lock_sweep",
          PURPLE,
          "health_monitor",
          TEAL);
  static final Map<String, Color> QUEUE_COLORS =
      Map.of("PENDING", BLUE, "PROCESSING", AMBER, "COMPLETED", GREEN, "FAILED", RED);

  private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

  private ReportCharts() {}

  // ------------------------------------------------------------------ section 1

  /** Alerts per day, stacked by level. */
  static JFreeChart alertsPerDay(DailyCounts counts) {
    return stackedDaily(counts, LEVEL_COLORS, "alerts");
  }

  // ------------------------------------------------------------------ section 2

  /**
   * Every run of the window: start time against duration, one colour per pipeline, failures marked.
   */
  static JFreeChart runs(RunsSection runs, ReportWindow w) {
    XYSeriesCollection data = new XYSeriesCollection();
    List<String> names = runs.pipelines().stream().map(RunsSection.PipelineStats::jobName).toList();
    for (String name : names) {
      data.addSeries(new XYSeries(name, true, true));
    }
    XYSeries withErrors = new XYSeries("completed with errors", true, true);
    XYSeries failed = new XYSeries("FAILED", true, true);
    for (RunsSection.Run r : runs.runs()) {
      double x = r.start().toEpochMilli();
      double y = r.durationSeconds() == null ? 0 : r.durationSeconds();
      if (r.jobName() != null) {
        data.getSeries(r.jobName()).add(x, y);
      }
      if (r.failed()) {
        failed.add(x, y);
      } else if (RunsSection.WITH_ERRORS.equals(r.status())) {
        withErrors.add(x, y);
      }
    }
    data.addSeries(withErrors);
    data.addSeries(failed);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    for (int i = 0; i < names.size(); i++) {
      renderer.setSeriesPaint(
          i, PIPELINE_COLORS.getOrDefault(names.get(i), CYCLE[i % CYCLE.length]));
      renderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    }
    int e = names.size();
    renderer.setSeriesPaint(e, AMBER);
    renderer.setSeriesShape(e, ring(6));
    renderer.setSeriesPaint(e + 1, RED);
    renderer.setSeriesShape(e + 1, cross(7));
    NumberAxis y = numberAxis("duration (s)");
    y.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(data, timeAxis(w.from(), w.now()), y, renderer);
    return chart(plot, true);
  }

  // ------------------------------------------------------------------ section 3

  /** Saturation per creator (highest first) against the queueing threshold, queued or not. */
  static JFreeChart saturation(DailySection d) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (DailySection.Creator c : d.creators()) {
      double v = c.saturationPct() == null ? 0 : c.saturationPct();
      data.addValue(c.queued() ? (Number) v : null, "queued", c.page());
      data.addValue(c.queued() ? null : (Number) v, "not queued", c.page());
    }
    StackedBarRenderer renderer = new StackedBarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, GREEN);
    renderer.setSeriesPaint(1, GREY);
    renderer.setMaximumBarWidth(0.05);
    CategoryAxis x = new CategoryAxis(null);
    style(x);
    x.setTickMarksVisible(false);
    x.setCategoryMargin(0.15);
    x.setLowerMargin(0.01);
    x.setUpperMargin(0.01);
    if (!labelsCreators(d.creators().size())) {
      x.setTickLabelsVisible(false);
    } else {
      x.setTickLabelFont(SMALL);
    }
    NumberAxis y = numberAxis("caption saturation (%)");
    y.setRange(0, 100);
    CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
    y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
    ValueMarker threshold =
        marker(
            DailySection.SATURATION_THRESHOLD,
            RED,
            String.format(LOCALE, "%.0f %% threshold", DailySection.SATURATION_THRESHOLD));
    threshold.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
    threshold.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    plot.addRangeMarker(threshold, Layer.FOREGROUND);
    return chart(plot, true);
  }

  /** Whether the saturation chart names each creator (one bar per line), or only ranks them. */
  static boolean labelsCreators(int creators) {
    return creators <= 80;
  }

  /** Height of the saturation chart: a line per creator when they are named. */
  static int saturationHeight(int creators) {
    return labelsCreators(creators) ? Math.max(200, 90 + 13 * creators) : 380;
  }

  /** Generation queue rows per execution date, stacked by status. */
  static JFreeChart queueByStatus(DailyCounts counts) {
    return stackedDaily(counts, QUEUE_COLORS, "queue rows");
  }

  // ------------------------------------------------------------------ section 4

  /** Active locks after each sweep, with the bloat lines. */
  static JFreeChart activeLocks(LocksSection l, ReportWindow w) {
    XYSeries active = new XYSeries("active locks after the sweep", true, true);
    for (LocksSection.Sweep s : l.sweeps()) {
      if (s.activeAfter() != null) {
        active.add(s.time().toEpochMilli(), s.activeAfter());
      }
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, PURPLE);
    renderer.setSeriesStroke(0, new BasicStroke(1.5f));
    renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    NumberAxis y = numberAxis("active locks");
    double max = l.maxActive() == null ? 0 : l.maxActive();
    y.setRange(0, Math.max(max * 1.1, LocksSection.BLOAT_CRITICAL * 1.12));
    XYPlot plot =
        new XYPlot(new XYSeriesCollection(active), timeAxis(w.from(), w.now()), y, renderer);
    plot.addRangeMarker(
        marker(LocksSection.BLOAT_WARNING, AMBER, "5 000: WARNING"), Layer.FOREGROUND);
    plot.addRangeMarker(
        marker(LocksSection.BLOAT_CRITICAL, RED, "10 000: CRITICAL"), Layer.FOREGROUND);
    return chart(plot, true);
  }

  /**
   * Locks released per rule, summed per Los Angeles hour (one sweep an hour), or per day beyond 14
   * days.
   */
  static JFreeChart released(LocksSection l, ReportWindow w) {
    boolean hourly = w.days() <= 14;
    Map<RegularTimePeriod, long[]> sums = new java.util.LinkedHashMap<>();
    for (LocksSection.Sweep s : l.sweeps()) {
      RegularTimePeriod p = hourly ? hour(s.time()) : day(LaTime.dateOf(s.time()));
      long[] v = sums.computeIfAbsent(p, k -> new long[2]);
      v[0] += s.stale();
      v[1] += s.pastDate();
    }
    TimeTableXYDataset data = new TimeTableXYDataset(ZONE, LOCALE);
    double max = 0;
    for (Map.Entry<RegularTimePeriod, long[]> e : sums.entrySet()) {
      data.add(e.getKey(), e.getValue()[0], "STALE", false);
      data.add(e.getKey(), e.getValue()[1], "PAST_SEND_DATE", false);
      max = Math.max(max, e.getValue()[0] + e.getValue()[1]);
    }
    StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.0);
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setSeriesPaint(0, BROWN);
    renderer.setSeriesPaint(1, TEAL);
    NumberAxis y = numberAxis(hourly ? "locks released per hour" : "locks released per day");
    XYPlot plot = new XYPlot(data, timeAxis(w.from(), w.now()), y, renderer);
    if (hourly) {
      plot.addRangeMarker(
          marker(LocksSection.HIGH_VOLUME, AMBER, "1 000 per sweep: WARNING"), Layer.FOREGROUND);
      max = Math.max(max, LocksSection.HIGH_VOLUME * 1.05);
    }
    y.setRange(0, Math.max(max * 1.1, 1));
    return chart(plot, true);
  }

  // ------------------------------------------------------------------ section 5

  /**
   * A page's best captions: decay-weighted success rate with its Wilson interval, and the posterior
   * mean.
   */
  static JFreeChart bestCaptions(CaptionSection.PageDetail p) {
    YIntervalSeries rate = new YIntervalSeries("success rate with Wilson interval");
    XYSeries posterior = new XYSeries("posterior mean", false, true);
    String[] labels = new String[p.best().size()];
    for (int i = 0; i < p.best().size(); i++) {
      CaptionSection.CaptionStat s = p.best().get(i);
      labels[i] = "#" + s.captionId();
      double r = Double.isNaN(s.rate()) ? 0 : s.rate();
      rate.add(i, r, s.lower(), s.upper());
      posterior.add(i, s.posteriorMean());
    }
    XYErrorRenderer errors = new XYErrorRenderer();
    errors.setDrawXError(false);
    errors.setDefaultLinesVisible(false);
    errors.setSeriesPaint(0, BLUE);
    errors.setErrorPaint(BLUE);
    errors.setErrorStroke(new BasicStroke(1.5f));
    errors.setCapLength(8);
    errors.setSeriesShape(0, new Rectangle2D.Double(-4, -4, 8, 8));
    SymbolAxis x = new SymbolAxis("caption (best Wilson lower bound first)", labels);
    style(x);
    x.setGridBandsVisible(false);
    x.setTickLabelFont(SMALL);
    x.setVerticalTickLabels(false);
    x.setRange(-0.6, Math.max(labels.length, 1) - 0.4);
    NumberAxis y = numberAxis("P(EMV above the page median)");
    y.setRange(0, 1);
    YIntervalSeriesCollection intervals = new YIntervalSeriesCollection();
    intervals.addSeries(rate);
    XYPlot plot = new XYPlot(intervals, x, y, errors);
    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    dots.setSeriesPaint(0, AMBER);
    dots.setSeriesShape(0, diamond(5));
    plot.setDataset(1, new XYSeriesCollection(posterior));
    plot.setRenderer(1, dots);
    return chart(plot, true);
  }

  /** Distribution of a page's captions' mean EMV. */
  static JFreeChart avgEmvHistogram(CaptionSection.PageDetail p) {
    return histogram(
        p.avgEmvs(), "captions", "mean EMV of the caption ($ per recipient)", 20, null, null, BLUE);
  }

  /** Distribution of every caption's posterior mean, all pages. */
  static JFreeChart posteriorMeans(CaptionSection c) {
    return histogram(
        c.posteriorMeans(),
        "captions",
        "posterior mean of the success probability",
        25,
        0.0,
        1.0,
        PURPLE);
  }

  // ------------------------------------------------------------------ section 6

  /** Rejected rows per day, stacked by the rule that failed. */
  static JFreeChart rejected(QualitySection q) {
    return stackedDaily(q.perDay(), Map.of(), "rejected rows");
  }

  // ------------------------------------------------------------------ section 7

  /**
   * The latest backtest: success rate of the top and bottom deciles, rank correlation against the
   * baseline.
   */
  static JFreeChart backtestLift(BacktestSection.Backtest b) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    data.addValue(b.topDecile(), "value", "top decile: success rate");
    data.addValue(b.bottomDecile(), "value", "bottom decile: success rate");
    data.addValue(b.spearman(), "value", "Spearman ρ: posterior mean");
    data.addValue(b.baselineSpearman(), "value", "Spearman ρ: raw rate (baseline)");
    Color[] colors = {GREEN, RED, BLUE, GREY};
    BarRenderer renderer =
        new BarRenderer() {
          private static final long serialVersionUID = 1L;

          @Override
          public Paint getItemPaint(int row, int column) {
            return colors[column % colors.length];
          }
        };
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setMaximumBarWidth(0.15);
    CategoryAxis x = new CategoryAxis(null);
    style(x);
    x.setMaximumCategoryLabelLines(2);
    NumberAxis y = numberAxis(null);
    double lo = 0;
    for (Double v :
        new Double[] {b.topDecile(), b.bottomDecile(), b.spearman(), b.baselineSpearman()}) {
      if (v != null) {
        lo = Math.min(lo, v);
      }
    }
    y.setRange(lo < 0 ? Math.max(-1, lo - 0.1) : 0, 1);
    CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
    return chart(plot, false);
  }

  // ------------------------------------------------------------------ helpers

  /** Counts per day on a date axis, stacked by key. */
  static JFreeChart stackedDaily(DailyCounts counts, Map<String, Color> colors, String yLabel) {
    TimeTableXYDataset data = new TimeTableXYDataset(ZONE, LOCALE);
    for (String key : counts.keys()) {
      for (LocalDate d : counts.dates()) {
        data.add(day(d), counts.count(key, d), key, false);
      }
    }
    StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.15);
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    for (int i = 0; i < counts.keys().size(); i++) {
      renderer.setSeriesPaint(
          i, colors.getOrDefault(counts.keys().get(i), CYCLE[i % CYCLE.length]));
    }
    NumberAxis y = numberAxis(yLabel);
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    List<LocalDate> dates = counts.dates();
    DateAxis x =
        timeAxis(
            LaTime.startOf(dates.get(0)), LaTime.startOf(dates.get(dates.size() - 1).plusDays(1)));
    XYPlot plot = new XYPlot(data, x, y, renderer);
    return chart(plot, true);
  }

  static JFreeChart histogram(
      List<Double> values,
      String yLabel,
      String xLabel,
      int bins,
      Double min,
      Double max,
      Color color) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    double lo =
        min != null ? min : v.length == 0 ? 0 : java.util.Arrays.stream(v).min().getAsDouble();
    double hi =
        max != null ? max : v.length == 0 ? 1 : java.util.Arrays.stream(v).max().getAsDouble();
    if (hi <= lo) {
      hi = lo + 1;
    }
    HistogramDataset data = new HistogramDataset();
    data.addSeries(yLabel, v, bins, lo, hi);
    XYBarRenderer renderer = new XYBarRenderer(0.05);
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setSeriesPaint(0, color);
    NumberAxis x = numberAxis(xLabel);
    x.setAutoRangeIncludesZero(false);
    x.setRange(lo, hi);
    NumberAxis y = numberAxis(yLabel);
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    XYPlot plot = new XYPlot(data, x, y, renderer);
    return chart(plot, false);
  }

  static DateAxis timeAxis(Instant from, Instant to) {
    DateAxis x = new DateAxis("Los Angeles time", ZONE, LOCALE);
    x.setStandardTickUnits(DateAxis.createStandardDateTickUnits(ZONE, LOCALE));
    Instant end = to.isAfter(from) ? to : from.plusSeconds(3600);
    // a little room after the last instant, so a point at "now" is drawn whole
    end = end.plusMillis(Math.max(60_000, (end.toEpochMilli() - from.toEpochMilli()) / 80));
    x.setRange(Date.from(from), Date.from(end));
    style(x);
    return x;
  }

  static NumberAxis numberAxis(String label) {
    NumberAxis y = new NumberAxis(label);
    style(y);
    return y;
  }

  private static void style(org.jfree.chart.axis.Axis a) {
    a.setLabelFont(LABEL);
    a.setLabelPaint(INK);
    a.setTickLabelFont(TICK);
    a.setTickLabelPaint(INK);
    a.setAxisLinePaint(GREY);
    a.setTickMarkPaint(GREY);
    if (a instanceof ValueAxis v) {
      v.setLowerMargin(0.02);
    }
  }

  static ValueMarker marker(double value, Color color, String label) {
    ValueMarker m =
        new ValueMarker(
            value,
            color,
            new BasicStroke(
                1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    m.setLabel(label);
    m.setLabelFont(SMALL);
    m.setLabelPaint(color);
    m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    m.setLabelOffset(new RectangleInsets(2, 6, 2, 2));
    m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
    return m;
  }

  private static JFreeChart chart(Plot plot, boolean legend) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setInsets(new RectangleInsets(6, 4, 4, 12));
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(GRID);
      xy.setRangeGridlinePaint(GRID);
      xy.setDomainGridlineStroke(new BasicStroke(0.6f));
      xy.setRangeGridlineStroke(new BasicStroke(0.6f));
      xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
    } else if (plot instanceof CategoryPlot cp) {
      cp.setRangeGridlinePaint(GRID);
      cp.setRangeGridlineStroke(new BasicStroke(0.6f));
      cp.setDomainGridlinesVisible(false);
      cp.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }
    JFreeChart chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setBorderVisible(false);
    chart.setPadding(new RectangleInsets(4, 4, 4, 4));
    LegendTitle l = chart.getLegend();
    if (l != null) {
      l.setItemFont(TICK);
      l.setItemPaint(INK);
      l.setFrame(BlockBorder.NONE);
      l.setBackgroundPaint(Color.WHITE);
      l.setPosition(RectangleEdge.TOP);
    }
    return chart;
  }

  private static Hour hour(Instant t) {
    ZonedDateTime z = t.atZone(LaTime.ZONE);
    return new Hour(z.getHour(), day(z.toLocalDate()));
  }

  private static Day day(LocalDate d) {
    return new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
  }

  private static Shape cross(double r) {
    java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
    p.moveTo(-r, -r);
    p.lineTo(r, r);
    p.moveTo(-r, r);
    p.lineTo(r, -r);
    return new BasicStroke(2.5f).createStrokedShape(p);
  }

  private static Shape ring(double r) {
    return new BasicStroke(2f).createStrokedShape(new Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
  }

  private static Shape diamond(double r) {
    java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
    p.moveTo(0, -r);
    p.lineTo(r, 0);
    p.lineTo(0, r);
    p.lineTo(-r, 0);
    p.closePath();
    return p;
  }
}
