/**
 * A sharded sweep on a Slurm cluster: one array task per shard, each resuming its shard file, and a merge job that
 * runs once they all succeeded.
 *
 * <p>Entry points: {@link org.kljn.sweep.slurm.SlurmSweep#run} checks everything (options, folder, a resumed
 * sweep's state), then writes, submits (or prints) the scripts and records the job ids;
 * {@link org.kljn.sweep.slurm.SlurmOptions} checks the user's sbatch options before anything is
 * written; {@link org.kljn.sweep.slurm.SlurmScripts} writes the array and merge scripts (and
 * {@link org.kljn.sweep.slurm.SlurmScripts#kljnCommand} says how a node runs this kljn);
 * {@link org.kljn.sweep.slurm.Sbatch} runs Slurm's client programs; {@link org.kljn.sweep.slurm.SlurmManifest} records
 * what was submitted into the sweep folder.
 *
 * <p>Depends on: {@link org.kljn.sweep} (shards, status), {@link org.kljn.io}, Jackson (the manifest) and Slurm's
 * {@code sbatch}, {@code squeue}, {@code scancel} on the PATH.
 */
package org.kljn.sweep.slurm;
