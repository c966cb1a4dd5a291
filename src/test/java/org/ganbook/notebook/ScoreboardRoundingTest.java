package org.ganbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ScoreboardRoundingTest {

    @Test
    void theTableRoundsAsACellsPrintedFigureDoes() {
        // 591 of 2,000 samples: 100 × 0.2955 is 29.549999… in binary; Math.round-style rounding of value × 10
        // gave 29.6 in the table while String.format printed 29.5 in the cell above it
        double[] shares = {591 / 2000.0, 1059 / 2000.0, 0.125, 0.3335, 0.0, 1.0};
        for (double share : shares) {
            assertEquals(Double.parseDouble(String.format(Locale.ROOT, "%.1f", 100 * share)),
                    Scoreboard.round(100 * share, 1), "share " + share);
        }
        assertEquals(29.5, Scoreboard.round(100 * (591 / 2000.0), 1));   // the old rounding gave 29.6
        assertEquals(52.9, Scoreboard.round(100 * (1059 / 2000.0), 1));  // and 53.0
        assertEquals(8.6, Scoreboard.round(8.55, 1), 0.0);   // 8.55 is 8.550000000000000710… in binary
        assertEquals(Double.NaN, Scoreboard.round(Double.NaN, 1));
    }
}
