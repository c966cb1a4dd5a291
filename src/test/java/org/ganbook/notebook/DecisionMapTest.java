package org.ganbook.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.ganbook.plot.Field2d;
import org.ganbook.plot.Plots;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.ParameterSnapshot;
import org.junit.jupiter.api.Test;

/** A before and an after decision map show the same points: only D's field (and the title) may differ. */
class DecisionMapTest {

    private static GanTrainer ring() {
        return RingGan.builder().optBatchSize(64).optProgress(0).build();
    }

    @Test
    void beforeAndAfterADiscriminatorStepShowTheSamePoints() {
        try (GanTrainer trainer = ring()) {
            DecisionMap map = DecisionMap.of(trainer).extent(3).points(128);
            float[] real = map.realPoints();
            float[] fake = map.fakePoints();
            Field2d fieldBefore = map.field();
            BufferedImage before = map.draw("before");
            ParameterSnapshot g = ParameterSnapshot.of(trainer.generator());

            trainer.discriminatorStep();
            assertTrue(g.compareWith(trainer.generator()).unchanged(), "G must not change in D's step");
            assertArrayEquals(real, map.realPoints(), "the real points must be the same");
            assertArrayEquals(fake, map.fakePoints(), "G unchanged: the fakes must be the same");
            Field2d fieldAfter = map.field();
            assertTrue(DecisionMap.change(fieldBefore, fieldAfter).largestChange() > 0, "D learned: the field changes");

            // the after picture is the before picture's points over the after field: drawing the points over each
            // field by hand gives the same two pictures, pixel for pixel
            assertSamePixels(Plots.decisionMap(fieldBefore, real, fake, null, "before"), before);
            assertSamePixels(Plots.decisionMap(fieldAfter, real, fake, null, "after"), map.draw("after"));
        }
    }

    @Test
    void drawingTwiceWithNothingChangedGivesTheSamePicture() {
        try (GanTrainer trainer = ring()) {
            DecisionMap map = DecisionMap.of(trainer).extent(2.5).points(64).arrows(true);
            assertSamePixels(map.draw("t"), map.draw("t"));
            // and it draws nothing from the training streams: the first step is the same as without the maps
            try (GanTrainer untouched = ring()) {
                assertEquals(untouched.discriminatorStep(), trainer.discriminatorStep());
            }
        }
    }

    @Test
    void freshPointsDrawNewPointsEachTimeAndMoveTheStreamsOnAsGanPlotsDid() {
        try (GanTrainer named = ring(); GanTrainer twin = ring()) {
            DecisionMap fresh = GanPlots.decisionMap(named).extent(2.6).points(100);
            BufferedImage first = fresh.draw("t");
            assertFalse(samePixels(first, fresh.draw("t")), "new real points and new fakes each draw");
            // the positional form draws the same as the named one, from the same state
            BufferedImage positional = GanPlots.decisionMap(twin, 2.6, 100, false, "t");
            assertSamePixels(first, positional);
        }
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void fakesMoveWhenGLearns() {
        try (GanTrainer trainer = ring()) {
            DecisionMap map = DecisionMap.of(trainer).points(32);
            float[] fake = map.fakePoints();
            trainer.discriminatorStep();
            trainer.generatorStep();
            assertFalse(java.util.Arrays.equals(fake, map.fakePoints()), "G learned: its output on the fixed noise moves");
        }
    }

    @Test
    void badSettingsAreRefusedInOneLine() {
        try (GanTrainer trainer = ring()) {
            assertThrows(IllegalArgumentException.class, () -> DecisionMap.of(trainer).extent(0));
            assertThrows(IllegalArgumentException.class, () -> DecisionMap.of(trainer).points(-1));
            assertThrows(IllegalArgumentException.class, () -> DecisionMap.of(null));
        }
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if (expected.getRGB(x, y) != actual.getRGB(x, y)) {
                    throw new AssertionError("pixel (" + x + ", " + y + ") differs");
                }
            }
        }
    }
}
