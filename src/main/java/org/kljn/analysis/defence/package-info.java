/**
 * The defences side by side: which temperature setting leaves Eve least, and what key rate it leaves.
 *
 * <p>Answers "the paper's β of eq. 11 nulls its own attacks (eq. 13) on a lumped loop; which β, or which four
 * temperatures, is best on this cable against every attack and the best eavesdropper?"
 * {@link org.kljn.analysis.defence.DefenceChoices} and {@link org.kljn.analysis.defence.DefenceComparison} set the
 * defences (no offset, eq. 11, each attack's exact null, the minimax β, four temperatures after Vadai, Mingesz and
 * Gingl, Sci. Rep. 5:13653, 2015) beside each other; {@link org.kljn.analysis.defence.KeyRateModel} and
 * {@link org.kljn.analysis.defence.KeyRateDefences} give the secret-key rate each leaves.
 *
 * <p>Depends on {@link org.kljn.analysis.loop} and the packages below it.
 */
package org.kljn.analysis.defence;
