package org.ganbook.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Each with… method changes its own setting of a copy, checks it, and leaves the recipe it came from alone. */
class ToyRecipeTest {

    @Test
    void eachWithChangesOnlyItsOwnSettingOfACopy() {
        ToyRecipe standard = ToyRecipe.standard();
        String before = standard.toString();
        ToyRecipe changed = standard.named("mine").withCodingSize(8).withHidden(new int[] {32}, new int[] {16, 16})
                .withLearningRates(2e-4f, 4e-4f).withBatchSize(64).withIterations(100).withRateDrop(0.8, 0.3f)
                .withPacking(4).withR1Penalty(1f).withDropout(0.25f).withDiscriminatorSteps(3);
        assertEquals(before, standard.toString(), "the original is unchanged");
        assertEquals("mine", changed.name());
        assertEquals(8, changed.codingSize());
        assertArrayEquals(new int[] {32}, changed.generatorHidden());
        assertArrayEquals(new int[] {16, 16}, changed.discriminatorHidden());
        assertEquals(2e-4f, changed.generatorRate());
        assertEquals(4e-4f, changed.discriminatorRate());
        assertEquals(64, changed.batchSize());
        assertEquals(100, changed.iterations());
        assertEquals(0.8, changed.dropAt());
        assertEquals(0.3f, changed.dropFactor());
        assertEquals(4, changed.packing());
        assertEquals(1f, changed.r1Gamma());
        assertEquals(3, changed.discriminatorSteps());
        // one change leaves every other setting as it was
        ToyRecipe packed = standard.withPacking(3);
        assertEquals(standard.toString().replace("packing 2", "packing 3"), packed.toString());
    }

    @Test
    void aCopyIsCheckedLikeANewRecipeAndHoldsNoSharedArrays() {
        ToyRecipe standard = ToyRecipe.standard();
        assertThrows(IllegalArgumentException.class, () -> standard.withBatchSize(0));
        assertThrows(IllegalArgumentException.class, () -> standard.withRateDrop(0, 0.1f));
        assertThrows(IllegalArgumentException.class, () -> standard.withDropout(1f));
        assertThrows(IllegalArgumentException.class, () -> standard.withDiscriminatorSteps(0));
        assertThrows(IllegalArgumentException.class, () -> standard.withLearningRates(0f, 1e-3f));
        int[] widths = {10, 10};
        ToyRecipe copy = standard.withHidden(widths, widths);
        widths[0] = 99;
        assertArrayEquals(new int[] {10, 10}, copy.generatorHidden());
    }
}
