package org.ganbook.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.ganbook.data.Datasets;
import org.ganbook.nn.MlpDiscriminator;
import org.ganbook.nn.MlpGenerator;
import org.ganbook.notebook.Scoreboard;
import org.ganbook.train.GanTrainer;
import org.junit.jupiter.api.Test;

/** The notebook's scoreboard: rows at the trainer's iteration, training time summed per trainer, scores as ImageQuality's. */
class ScoreboardTest {

    @Test
    void scoresEachStoppingPointLikeImageQualityDoes() {
        SyntheticImages data = SyntheticImages.generate(1000, 1);
        try (ImageClassifier classifier = ImageClassifier.builder().optUseCache(false).optEpochs(1)
                        .trainOrLoad("bars", data.images, data.labels);
                GanTrainer trainer = GanTrainer.builder(
                                MlpGenerator.builder().setCodingSize(8).setOutputShape(new Shape(1, 28, 28)).optHidden(16).build(),
                                MlpDiscriminator.builder().setInputShape(new Shape(1, 28, 28)).optHidden(16).build())
                        .setData(Datasets.mnist()).setCodingSize(8).optBatchSize(16).optSeed(3).optProgress(0).build()) {
            float[] real = Arrays.copyOf(data.images, 100 * 784);
            Scoreboard board = new Scoreboard(classifier, real, 0.9);
            Scoreboard.Row start = board.fit("start", trainer, 0);
            Scoreboard.Row first = board.fit("after 3", trainer, 3);
            Scoreboard.Row second = board.fit("after 5", trainer, 2);
            assertEquals(0, start.iterations());
            assertEquals(3, first.iterations());
            assertEquals(5 * 16, second.samplesSeen());
            assertTrue(second.seconds() >= first.seconds() && first.seconds() > 0, "training time is summed");
            assertEquals(second.seconds() / 5, second.secondsPerIteration(), 1e-12);
            assertTrue(second.cpuSeconds() >= first.cpuSeconds() && first.cpuSeconds() > 0, "CPU time is summed");
            assertEquals(0, start.cpuSeconds(), 0.05, "scoring is not counted as training");
            assertEquals(second.cpuSeconds() / 5, second.cpuSecondsPerIteration(), 1e-12);
            assertTrue(board.table().columnNames().contains("CPU ms per iteration"));
            assertTrue(second.confident() >= 0 && second.confident() <= 1);
            assertEquals(3, board.table().rowCount());
            assertEquals(first, board.row("after 3"));
            assertThrows(IllegalArgumentException.class, () -> board.fit("after 3", trainer, 1), "names are unique");
            assertThrows(IllegalArgumentException.class, () -> board.row("missing"));
            assertThrows(IllegalArgumentException.class, () -> new Scoreboard(classifier, real, 0));
        }
    }
}
