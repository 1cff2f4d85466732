/**
 * The output layer: the typed records a command's result is written from, and the one place each output format is
 * made. A command builds its result record ({@code AnalyzeOutput}, {@code DefendOutput}, ...); {@link
 * org.kljn.output.JsonOutput} serialises any of them with Jackson (records in their components' order; a component
 * marked {@code @JsonInclude(NON_NULL)} is left out when absent, every other null is written as {@code null}), and
 * {@link org.kljn.output.TextTable} prints the text tables from the same records' columns
 * ({@code KeyRateMapOutput.csv} the key-rate map's CSV). Adding an
 * output format touches this package only.
 *
 * <p>Presentation only: nothing here computes physics; the records copy what {@code analysis} and {@code sweep}
 * computed. Depends on: the sub-packages of {@link org.kljn.analysis}, {@link org.kljn.sweep} (the sweep status),
 * {@link org.kljn.circuit} and Jackson. Used by {@code cli} and {@code bench}.
 */
package org.kljn.output;
