/**
 * The command line, {@code kljn}: parses options, calls the typed core and prints or writes its results. Thin on
 * purpose: the rules live in the domain packages, and this package only names them (each domain
 * {@link org.kljn.circuit.Parameter} has its option name here, so that an error names the option to change).
 *
 * <p>Entry point: {@link org.kljn.cli.Main} ({@code ./kljn}, or {@code java -jar target/kljn-cli.jar}), with one
 * command class per subcommand: {@link org.kljn.cli.AnalyzeCommand}, {@link org.kljn.cli.AttackCommand},
 * {@link org.kljn.cli.CrosscheckCommand}, {@link org.kljn.cli.DefendCommand}, {@link org.kljn.cli.MapCommand},
 * {@link org.kljn.cli.SweepCommand} (and {@link org.kljn.sweep.slurm.SlurmSweep} for {@code --slurm}),
 * {@link org.kljn.cli.MergeCommand}, {@link org.kljn.cli.StatusCommand}, {@link org.kljn.cli.ReportCommand},
 * {@link org.kljn.cli.RunCommand}, {@link org.kljn.cli.NetlistCommand} and {@link org.kljn.cli.BenchCommand}. With no
 * subcommand, {@code kljn} runs the main job ({@link org.kljn.analysis.study.LineStudy}).
 *
 * <p>Depends on: every other package of kljn, picocli (options and help) and Jackson ({@code --json}). Nothing
 * depends on it.
 */
package org.kljn.cli;
