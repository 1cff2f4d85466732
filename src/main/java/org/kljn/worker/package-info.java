/**
 * Long-lived child JVMs that answer one request line with one reply line, so that native code that crashes
 * (ngspice 39.3 segfaults on some netlists) takes down only the child and costs only the request it was on.
 *
 * <p>Entry points: {@link org.kljn.worker.WorkerProcess} (the parent side: start a child, {@code call} it, read a
 * crash's reason from the JVM's error report) and {@link org.kljn.worker.WorkerLoop} (the child side: answers
 * stdin with stdout, and halts when its parent closes the pipe or dies).
 *
 * <p>Depends on: the JDK, and {@link org.kljn.ngspice} only for its owned temporary folders. Nothing of KLJN.
 */
package org.kljn.worker;
