package org.ganbook.cli;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.ganbook.data.DataSource;
import org.ganbook.loss.GanLoss;
import org.ganbook.nn.Conditional;
import org.ganbook.nn.DcganDiscriminator;
import org.ganbook.nn.DcganGenerator;
import org.ganbook.nn.LabelEncoder;
import org.ganbook.nn.MlpDiscriminator;
import org.ganbook.nn.MlpGenerator;
import org.ganbook.nn.OutputActivation;
import org.ganbook.nn.Translators;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.GanTrainerBuilder;
import org.ganbook.train.IterationListener;
import org.ganbook.train.Optimizers;
import org.ganbook.train.ResumableOptimizer;
import org.ganbook.train.SwitchingOptimizer;

/** Builds a run's generator, discriminator and trainer from its configuration. */
final class RunNetworks {

    private RunNetworks() {}

    /**
     * Builds the trainer a configuration describes, with fresh (seeded) networks.
     *
     * @param config the run's configuration
     * @param data the data, whose samples must have the configured shape
     * @param listener called after every iteration of {@code fit}, or null
     * @return the trainer, not yet trained
     */
    static GanTrainer trainer(RunConfig config, DataSource data, IterationListener listener) {
        Block[] networks = networks(config);
        GanTrainerBuilder builder = GanTrainer.builder(networks[0], networks[1])
                .setData(data)
                .setCodingSize(config.codingSize)
                .optBatchSize(config.batchSize)
                .optGeneratorOptimizer(optimizer(config.lrG, config, 1))
                .optDiscriminatorOptimizer(optimizer(config.lrD, config, config.k))
                .optPacking(config.packing)
                .optR1Penalty(config.r1Gamma)
                .optLoss(loss(config.loss))
                .optDiscriminatorSteps(config.k)
                .optLabelSmoothing(config.labelSmoothing)
                .optSeed(config.seed)
                .optConditional(config.model.conditional())
                .optMeasureAfterUpdate(false)
                .optProgress(0);
        if (listener != null) {
            builder.optListener(1, listener);
        }
        return builder.build();
    }

    /** Adam (beta1 = 0.5), with the run's learning-rate drop if it has one (after that many G steps). */
    private static ResumableOptimizer optimizer(float rate, RunConfig config, int updatesPerStep) {
        if (config.lrDropAfter <= 0 || config.lrDropFactor >= 1) {
            return Optimizers.adam(rate, 0.5f);
        }
        return SwitchingOptimizer.after(config.lrDropAfter * updatesPerStep, Optimizers.adam(rate, 0.5f),
                Optimizers.adam(rate * config.lrDropFactor, 0.5f));
    }

    /** Returns the generator and the discriminator, in that order. */
    static Block[] networks(RunConfig c) {
        Shape shape = new Shape(c.sampleShape);
        int[] reversed = c.discriminatorWidths();
        OutputActivation output = c.isImages() ? OutputActivation.TANH : OutputActivation.LINEAR;
        int imageChannels = c.isImages() ? (int) c.sampleShape[0] : 1;
        int imageSize = c.isImages() ? (int) c.sampleShape[1] : 0;
        return switch (c.model) {
            case MLP -> new Block[] {
                MlpGenerator.builder().setCodingSize(c.codingSize).setOutputShape(shape).optHidden(c.hidden)
                        .optOutput(output).build(),
                MlpDiscriminator.builder().setInputShape(c.packing > 1 ? new Shape(shape.size() * c.packing) : shape)
                        .optHidden(reversed).build()
            };
            case CONDITIONAL_MLP -> new Block[] {
                Conditional.concat(labels(c), MlpGenerator.builder().setCodingSize(c.codingSize + width(c))
                        .setOutputShape(shape).optHidden(c.hidden).optOutput(output).build()),
                Conditional.concat(labels(c), MlpDiscriminator.builder()
                        .setInputShape(new Shape(shape.size() + width(c))).optHidden(reversed).build())
            };
            case DCGAN -> new Block[] {
                DcganGenerator.builder().setCodingSize(c.codingSize).optChannels(c.channels)
                        .optImageChannels(imageChannels).optImageSize(imageSize).optUpsampling(c.upsampling)
                        .build(),
                DcganDiscriminator.builder().optChannels(c.channels).build()
            };
            case CONDITIONAL_DCGAN -> new Block[] {
                Conditional.concat(labels(c), DcganGenerator.builder().setCodingSize(c.codingSize + width(c))
                        .optChannels(c.channels).optImageChannels(imageChannels).optImageSize(imageSize)
                        .optUpsampling(c.upsampling).build()),
                Conditional.channels(labels(c), DcganDiscriminator.builder().optChannels(c.channels).build())
            };
            case CYCLEGAN -> throw new IllegalArgumentException("a cyclegan run has four networks: RunTrainer.Cycle");
        };
    }

    /** A CycleGAN's image translator, G or F: two 3×3 convolutions with {@code channels} filters between them. */
    static Block translator(RunConfig c) {
        return Translators.conv((int) c.sampleShape[0], c.channels);
    }

    /** A CycleGAN's image discriminator, D_X or D_Y: fully connected, with the run's hidden widths. */
    static Block cycleDiscriminator(RunConfig c) {
        return MlpDiscriminator.builder().setInputShape(new Shape(c.sampleShape)).optHidden(c.hidden).build();
    }

    /** A fresh label encoder for each network: one-hot, or a learned embedding when the run asks for one. */
    private static LabelEncoder labels(RunConfig c) {
        return c.labelEmbedding > 0 ? LabelEncoder.embedding(c.numClasses, c.labelEmbedding) : LabelEncoder.oneHot(c.numClasses);
    }

    private static int width(RunConfig c) {
        return c.labelEmbedding > 0 ? c.labelEmbedding : c.numClasses;
    }

    static GanLoss loss(RunConfig.Loss loss) {
        return switch (loss) {
            case NON_SATURATING -> GanLoss.nonSaturating();
            case MINIMAX -> GanLoss.minimax();
            case LEAST_SQUARES -> GanLoss.leastSquares();
        };
    }
}
