package org.ganbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ganbook.train.DiscriminatorStep;
import org.ganbook.train.GanTrainer;
import org.ganbook.train.GeneratorStep;
import org.ganbook.train.Gradients;
import org.ganbook.train.StepInputs;
import org.ganbook.train.ParameterSnapshot;
import org.ganbook.train.TrainerState;
import org.junit.jupiter.api.Test;

/**
 * The written-out steps of notebooks 2 and 3 are the library's steps: the cells' text is the text of
 * {@link WrittenOutSteps}, and that code gives bit-identical weights to {@code discriminatorStep()} and
 * {@code generatorStep()} from the same state.
 */
class WrittenOutStepsTest {

    private static GanTrainer ring() {
        return RingGan.builder().optProgress(0).build();
    }

    @Test
    void writtenOutDiscriminatorStepIsTheLibrarysBitForBit() {
        try (GanTrainer library = ring(); GanTrainer written = ring()) {
            assertTrue(ParameterSnapshot.of(library.discriminator()).compareWith(written.discriminator()).unchanged());
            ParameterSnapshot generatorBefore = ParameterSnapshot.of(written.generator());
            DiscriminatorStep step = library.discriminatorStep();
            double loss = WrittenOutSteps.discriminatorStep(written, written.generator(), written.discriminator());

            assertEquals(step.loss(), loss, 0.0);
            var comparison = ParameterSnapshot.of(library.discriminator()).compareWith(written.discriminator());
            assertTrue(comparison.unchanged(), comparison.toString());
            assertTrue(generatorBefore.compareWith(written.generator()).unchanged(), "G must not change");
            assertFalse(ParameterSnapshot.of(library.discriminator()).compareWith(ring().discriminator()).unchanged(),
                    "D must have learned (the comparison above could otherwise pass vacuously)");

            // the written-out step advanced the trainer's streams as the library's does: the next steps agree
            assertEquals(library.discriminatorStep(), written.discriminatorStep());
            assertEquals(library.generatorStep(), written.generatorStep());
        }
    }

    @Test
    void writtenOutGeneratorStepIsTheLibrarysBitForBit() {
        try (GanTrainer library = ring(); GanTrainer written = ring()) {
            library.discriminatorStep();
            written.discriminatorStep();
            ParameterSnapshot dBefore = ParameterSnapshot.of(written.discriminator());
            ParameterSnapshot gBefore = ParameterSnapshot.of(written.generator());
            GeneratorStep step = library.generatorStep();
            double loss = WrittenOutSteps.generatorStep(written, written.generator(), written.discriminator());

            assertEquals(step.loss(), loss, 0.0);
            var comparison = ParameterSnapshot.of(library.generator()).compareWith(written.generator());
            assertTrue(comparison.unchanged(), comparison.toString());
            assertFalse(gBefore.compareWith(written.generator()).trainableUnchanged(), "G must have learned");
            assertTrue(dBefore.compareWith(written.discriminator()).unchanged(), "D must not change");
        }
    }

    @Test
    void aSnapshotRunsTheSameStepAgain() {
        try (GanTrainer trainer = ring()) {
            trainer.fit(3, org.ganbook.train.TrainingProgress.none());
            trainer.discriminatorStep();
            TrainerState start = trainer.snapshot();
            GeneratorStep first = trainer.generatorStep();
            DiscriminatorStep next = trainer.discriminatorStep();
            ParameterSnapshot after = ParameterSnapshot.of(trainer.discriminator());
            var history = trainer.history();

            trainer.restore(start);
            assertEquals(3, trainer.history().rowCount());
            assertEquals(first, trainer.generatorStep());
            assertEquals(next, trainer.discriminatorStep());
            assertTrue(after.compareWith(trainer.discriminator()).unchanged());
            assertEquals(history.doubleColumn("d_loss").asList(), trainer.history().doubleColumn("d_loss").asList());
        }
    }

    @Test
    void restoreClearsTheGradientsABackwardPassLeftInGAndD() {
        try (GanTrainer trainer = ring(); GanTrainer fresh = ring()) {
            TrainerState start = trainer.snapshot();
            try (NDManager scratch = NDManager.newBaseManager()) {
                StepInputs drawn = trainer.nextDiscriminatorInputs(scratch);
                ParameterStore store = new ParameterStore(scratch, false);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray fake = trainer.generator().forward(store, new NDList(drawn.noise()), true).singletonOrThrow();
                    NDArray logits = trainer.discriminator().forward(store, new NDList(fake), true).singletonOrThrow();
                    collector.backward(trainer.loss().discriminatorLoss(logits, scratch.zeros(logits.getShape())));
                }
            }
            assertTrue(Gradients.norm(trainer.generator()) > 0, "without stopGradient G collects a gradient");
            assertTrue(Gradients.norm(trainer.discriminator()) > 0);

            trainer.restore(start);
            assertEquals(0.0, Gradients.norm(trainer.generator()), 0.0);
            assertEquals(0.0, Gradients.norm(trainer.discriminator()), 0.0);
            assertEquals(fresh.discriminatorStep(), trainer.discriminatorStep());
            assertEquals(fresh.generatorStep(), trainer.generatorStep());
        }
    }

    @Test
    void notebookCellsAreTheTestedCode() throws IOException {
        assertEquals(mirror("cell 02"), cellLines(Path.of("notebooks/02-discriminator-phase.ipynb"),
                "trainer.nextDiscriminatorInputs(step)"));
        assertEquals(mirror("cell 03"), cellLines(Path.of("notebooks/03-frozen-generator-phase.ipynb"),
                "trainer.nextGeneratorInputs(step)"));
    }

    /** The lines between "// cell NN: begin" and "end" in WrittenOutSteps.java, stripped. */
    private static List<String> mirror(String cell) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/org/ganbook/notebook/WrittenOutSteps.java"));
        List<String> out = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            String s = line.strip();
            if (s.equals("// " + cell + ": begin")) {
                inside = true;
            } else if (s.equals("// " + cell + ": end")) {
                return out;
            } else if (inside && !s.isEmpty()) {
                out.add(s);
            }
        }
        throw new AssertionError("no markers for " + cell + " in WrittenOutSteps.java");
    }

    /** The code lines of the one notebook cell that contains {@code marker}, without imports and blank lines. */
    private static List<String> cellLines(Path notebook, String marker) throws IOException {
        JsonObject nb = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
        List<String> found = null;
        for (JsonElement cell : nb.getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if (!c.get("cell_type").getAsString().equals("code")) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            JsonElement source = c.get("source");
            if (source.isJsonArray()) {
                for (JsonElement part : (JsonArray) source) {
                    text.append(part.getAsString());
                }
            } else {
                text.append(source.getAsString());
            }
            if (text.indexOf(marker) >= 0) {
                if (found != null) {
                    throw new AssertionError(notebook + " has more than one cell with " + marker);
                }
                found = new ArrayList<>();
                for (String line : text.toString().split("\n")) {
                    String s = line.strip();
                    if (!s.isEmpty() && !s.startsWith("import ")) {
                        found.add(s);
                    }
                }
            }
        }
        if (found == null) {
            throw new AssertionError(notebook + " has no cell with " + marker);
        }
        return found;
    }
}
