/**
 * Numbers that say how well a GAN is doing.
 *
 * <ul>
 *   <li>For the 2-D toy mixtures: {@link org.ganbook.metrics.ModeCoverage} (modes covered,
 *       share of high-quality samples) and {@link org.ganbook.metrics.Divergence} (KL and
 *       Jensen-Shannon divergences between histograms of real and generated samples).
 *   <li>For 28×28 images: {@link org.ganbook.metrics.ImageClassifier}, a small convolutional
 *       network trained once per data set and cached, whose features and predictions give a
 *       {@link org.ganbook.metrics.FrechetDistance}, an {@link
 *       org.ganbook.metrics.InceptionStyleScore} and the share of each predicted class, all
 *       summarised by {@link org.ganbook.metrics.ImageQuality}. These are FID- and IS-like numbers
 *       from a small classifier, not from Inception-v3, and are not comparable with published
 *       values.
 * </ul>
 *
 * <p>Everything except the classifier is plain Java on arrays and needs no engine.
 */
package org.ganbook.metrics;
