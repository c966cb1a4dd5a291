/**
 * The {@code ganbook} command line ({@link org.ganbook.cli.GanbookCli}): {@code train} writes a run
 * directory (config, history, curves, grids, samples, checkpoint), {@code resume} continues it
 * bit for bit, {@code sample} draws from its checkpoint, and {@code soak} measures memory over a
 * long run. Ctrl-C saves a checkpoint before exiting; a diverging run stops and keeps its last good
 * checkpoint; mistakes in the input are one-line messages with exit code 2.
 */
package org.ganbook.cli;
