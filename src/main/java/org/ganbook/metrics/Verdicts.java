package org.ganbook.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a classifier says of each image, in three kinds: <b>recognised</b> (its most likely class has probability at
 * least p), <b>between two classes</b> (not recognised, but the two most likely classes together reach p: a shape
 * between, say, a 4 and a 9), or <b>neither</b> (the probability spread over three or more classes: no class it
 * knows). For a generator, the second kind counts samples that fell between two digits, the third shapes that are
 * no digit.
 *
 * <pre>{@code
 * var verdicts = Verdicts.of(classifier.probabilityVectors(images), 0.9);
 * verdicts.between()              // share between two classes
 * verdicts.commonestPairs(3)      // e.g. {"4/9"=112, "7/9"=61, "3/5"=40}
 * }</pre>
 *
 * @param count images judged
 * @param recognised images whose most likely class has probability at least p
 * @param betweenTwo images not recognised whose two most likely classes together reach p
 * @param pairs for each image between two classes, its pair, as "a/b" with a &lt; b
 * @param betweenIndices the indices of the images between two classes, in order
 */
public record Verdicts(int count, int recognised, int betweenTwo, List<String> pairs, List<Integer> betweenIndices) {

    /**
     * Sorts each row of class probabilities into one of the three kinds.
     *
     * @param probabilities one row of class probabilities per image (at least two classes)
     * @param minProbability the confidence p, in (0, 1]
     * @return the verdicts
     * @throws IllegalArgumentException if p is outside (0, 1] or a row has fewer than two classes
     */
    public static Verdicts of(double[][] probabilities, double minProbability) {
        if (!(minProbability > 0 && minProbability <= 1)) {
            throw new IllegalArgumentException("minProbability must be in (0, 1], got " + minProbability);
        }
        int recognised = 0;
        List<String> pairs = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            double[] row = probabilities[i];
            if (row.length < 2) {
                throw new IllegalArgumentException("row " + i + " has " + row.length + " classes; at least 2 needed");
            }
            int first = row[0] >= row[1] ? 0 : 1;
            int second = 1 - first;
            for (int c = 2; c < row.length; c++) {
                if (row[c] > row[first]) {
                    second = first;
                    first = c;
                } else if (row[c] > row[second]) {
                    second = c;
                }
            }
            if (row[first] >= minProbability) {
                recognised++;
            } else if (row[first] + row[second] >= minProbability) {
                pairs.add(Math.min(first, second) + "/" + Math.max(first, second));
                indices.add(i);
            }
        }
        return new Verdicts(probabilities.length, recognised, pairs.size(), List.copyOf(pairs), List.copyOf(indices));
    }

    /** Returns the share recognised, in [0, 1]. */
    public double recognisedShare() {
        return share(recognised);
    }

    /** Returns the share between two classes, in [0, 1]. */
    public double between() {
        return share(betweenTwo);
    }

    /** Returns the share neither recognised nor between two classes, in [0, 1]. */
    public double neither() {
        return share(count - recognised - betweenTwo);
    }

    /**
     * Returns the {@code k} pairs that images fall between most often, with their counts, commonest first (ties in
     * the pairs' order).
     */
    public Map<String, Integer> commonestPairs(int k) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        pairs.stream().sorted().forEach(p -> counts.merge(p, 1, Integer::sum));
        Map<String, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(k)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private double share(int n) {
        return count == 0 ? 0 : (double) n / count;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d images: %.1f %% recognised, %.1f %% between two classes, %.1f %% neither",
                count, 100 * recognisedShare(), 100 * between(), 100 * neither());
    }
}
