/**
 * The operations report: one self-contained HTML file (inline SVG charts, no JavaScript, nothing
 * fetched from the network) that shows the whole system at a glance.
 *
 * <p>Three layers: {@link com.eros.pipelines.report.ReportReader} reads rows through the storage
 * port ({@code Warehouse.query} only); the section models ({@code *Section} classes, plain Java)
 * turn rows into numbers and series; {@link com.eros.pipelines.report.ReportCharts} (JFreeChart,
 * drawn to SVG by JFreeSVG) and {@link com.eros.pipelines.report.ReportHtml} render them. {@code
 * ./eros report} (in the tools module) writes the file locally; the health monitor publishes it
 * after each run with {@link com.eros.pipelines.report.PublishReport}.
 */
package com.eros.pipelines.report;
