/**
 * Files and terminal output shared by every command: atomic writes, the one CSV dialect, the progress bar.
 *
 * <p>Entry points: {@link org.kljn.io.AtomicFiles} writes text or bytes through a temporary sibling and a rename,
 * so that an interrupted run never leaves a half-written file that looks whole; {@link org.kljn.io.Csv} is kljn's
 * CSV (RFC 4180 quoting, UTF-8, one record per line); {@link org.kljn.io.ProgressBar} is the progress line with an
 * ETA on stderr.
 *
 * <p>Depends on: the JDK, and {@link org.kljn.circuit} only for {@link org.kljn.circuit.SpiceNumbers}' locale-free
 * number format. Nothing of KLJN analysis.
 */
package org.kljn.io;
