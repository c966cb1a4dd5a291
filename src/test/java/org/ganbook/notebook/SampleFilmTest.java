package org.ganbook.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import org.ganbook.data.Toys;
import org.ganbook.nn.MlpDiscriminator;
import org.ganbook.nn.MlpGenerator;
import org.ganbook.nn.OutputActivation;
import org.ganbook.train.GanTrainer;
import org.junit.jupiter.api.Test;

class SampleFilmTest {

    private static GanTrainer smallRingTrainer(SampleFilm film) {
        var builder = GanTrainer.builder(
                        MlpGenerator.builder().setCodingSize(2).setOutputShape(new Shape(2))
                                .optHidden(16).optOutput(OutputActivation.LINEAR).build(),
                        MlpDiscriminator.builder().setInputShape(new Shape(2)).optHidden(16).build())
                .setData(Toys.ring())
                .setCodingSize(2)
                .optBatchSize(32)
                .optSeed(7)
                .optProgress(0);
        if (film != null) {
            builder.optListener(2, film);
        }
        return builder.build();
    }

    @Test
    void keepsTheSamplesThatGanPlotsWouldDrawAndSharesOneRange() {
        SampleFilm film = new SampleFilm(64);
        try (GanTrainer withFilm = smallRingTrainer(film); GanTrainer plain = smallRingTrainer(null)) {
            withFilm.fit(4);
            plain.fit(2);
            // the same draws as GanPlots.samples: fakes first, then real points, at the same counters
            float[] fakes = plain.generate(64).toFloatArray();
            float[] real = plain.realSamples(64).toFloatArray();
            assertEquals(2, film.size());
            assertEquals(2, film.iteration(0));
            assertEquals(4, film.iteration(1));
            assertArrayEquals(fakes, film.fakes(0));
            assertArrayEquals(real, film.real(0));

            double largest = 0;
            for (int i = 0; i < film.size(); i++) {
                for (float v : film.fakes(i)) {
                    largest = Math.max(largest, Math.abs(v));
                }
                for (float v : film.real(i)) {
                    largest = Math.max(largest, Math.abs(v));
                }
            }
            assertEquals(1.05 * largest, film.extent(), 1e-9);
            BufferedImage first = film.frame(0);
            BufferedImage second = film.frame(1);
            assertEquals(first.getWidth(), second.getWidth());
            assertEquals(first.getHeight(), second.getHeight());
            BufferedImage strip = film.filmStrip(1);
            assertEquals(2 * first.getHeight(), strip.getHeight());

            var shapes = film.shapes();
            assertEquals(2, shapes.rowCount());
            assertEquals(4, shapes.intColumn("iteration").get(1));
            double radial = shapes.doubleColumn("radial share").get(0);
            assertTrue(radial >= 0 && radial <= 1);
        }
    }

    @Test
    void anEmptyFilmHasNothingToDraw() {
        SampleFilm film = new SampleFilm(10);
        assertThrows(IllegalStateException.class, () -> film.filmStrip(4));
        assertThrows(IllegalStateException.class, film::shapes);
        assertThrows(IllegalArgumentException.class, () -> new SampleFilm(0));
    }
}
