/**
 * Reports: HTML pages with charts (PNG and SVG), tables and data files, written from results already computed.
 * Presentation only: nothing here simulates.
 *
 * <p>Entry points: {@link org.kljn.report.KljnStudy} writes the main job's report folder from the records of
 * {@link org.kljn.analysis.study.LineStudy}, and {@link org.kljn.report.SecurityStudy} its security map and verdict;
 * {@link org.kljn.report.SweepReport} makes a page from sweep CSVs. Underneath, {@link org.kljn.report.ChartSpec}
 * (with {@link org.kljn.report.Series}) describes a chart as plain data, {@link org.kljn.report.KljnCharts} and
 * {@link org.kljn.report.SecurityMapChart} build the KLJN charts, {@link org.kljn.report.Charts} renders them headless
 * and {@link org.kljn.report.HtmlReport} writes a self-contained page (no JavaScript, nothing fetched).
 *
 * <p>Depends on: {@link org.kljn.analysis} (the records it presents), {@link org.kljn.circuit}, {@link org.kljn.io}
 * (atomic writes, CSV), JFreeChart and JFreeSVG (the charts) and Jackson (the JSON data files).
 */
package org.kljn.report;
