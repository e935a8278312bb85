package com.eros.pipelines.report;

import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a chart into an inline {@code <svg>} element (JFreeSVG): no fixed size (a viewBox, so it
 * scales with the page), text as SVG text in the browser's sans-serif font, coordinates rounded to
 * a tenth of a pixel, and definitions (clip paths) prefixed with the chart's id so that several
 * charts can share one page.
 */
final class SvgChart {
  private SvgChart() {}

  /** The chart as an {@code <svg>} element with the given id, drawn at width × height. */
  static String svg(JFreeChart chart, String id, int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "-");
    g.setGeomDoubleConverter(SvgChart::tenth);
    g.setTransformDoubleConverter(SvgChart::tenth);
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    return g.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
  }

  /** A coordinate rounded to 0.1, written without a trailing ".0". */
  static String tenth(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "0";
    }
    long t = Math.round(d * 10);
    if (t % 10 == 0) {
      return Long.toString(t / 10);
    }
    return String.format(Locale.ROOT, "%.1f", t / 10.0);
  }
}
