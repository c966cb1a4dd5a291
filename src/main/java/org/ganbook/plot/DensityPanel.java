package org.ganbook.plot;

/**
 * One 1-D picture in the manner of Figure 1 of Goodfellow et al. (2014): the data density, the
 * generator's density and the discriminator, all evaluated at the same points.
 *
 * @param xs the points, increasing
 * @param pData p_data at each point
 * @param pG p_g at each point
 * @param d D at each point, a probability
 */
public record DensityPanel(double[] xs, double[] pData, double[] pG, double[] d) {

    /**
     * Checks that the four arrays are present, non-empty and of equal length, and copies them.
     *
     * @param xs the points, increasing
     * @param pData p_data at each point
     * @param pG p_g at each point
     * @param d D at each point
     * @throws IllegalArgumentException naming the array that is missing or of the wrong length
     */
    public DensityPanel {
        Checks.nonEmpty(xs, "xs");
        Checks.sameLength(xs, "xs", pData, "pData");
        Checks.sameLength(xs, "xs", pG, "pG");
        Checks.sameLength(xs, "xs", d, "d");
        xs = xs.clone();
        pData = pData.clone();
        pG = pG.clone();
        d = d.clone();
    }

    /**
     * Returns the mass of p_g between {@code from} and {@code to}: the sum of p_g(x)·Δx over the
     * points x in that interval (Δx the width each point stands for).
     *
     * @param from the left end
     * @param to the right end
     * @return the mass, about 1 for the whole of a density that lies inside the points
     */
    public double gMass(double from, double to) {
        return mass(pG, from, to);
    }

    /** As {@link #gMass(double, double)}, for p_data. */
    public double dataMass(double from, double to) {
        return mass(pData, from, to);
    }

    /** Returns the standard deviation of p_g, computed over the points (its tails beyond them left out). */
    public double gStd() {
        return std(pG);
    }

    /** As {@link #gStd()}, for p_data. */
    public double dataStd() {
        return std(pData);
    }

    /** Returns the mean of p_g, computed over the points. */
    public double gMean() {
        return mean(pG);
    }

    /** Returns the highest value of p_g at the points. */
    public double gPeak() {
        return pG[argmax(pG)];
    }

    /** Returns the point where p_g is highest. */
    public double gPeakAt() {
        return xs[argmax(pG)];
    }

    /** As {@link #gPeak()}, for p_data. */
    public double dataPeak() {
        return pData[argmax(pData)];
    }

    /** Returns the point where D is highest. */
    public double dPeakAt() {
        return xs[argmax(d)];
    }

    /**
     * Returns D's lowest value where the data or the fakes lie: over the points where p_data or p_g
     * is above {@code minDensity}.
     *
     * @param minDensity the density above which a point counts
     * @return the lowest value, or NaN if no point counts
     */
    public double dLowestWhereMass(double minDensity) {
        double lowest = Double.NaN;
        for (int i = 0; i < xs.length; i++) {
            if ((pData[i] > minDensity || pG[i] > minDensity) && !(d[i] >= lowest)) {
                lowest = d[i];
            }
        }
        return lowest;
    }

    /** As {@link #dLowestWhereMass(double)}, D's highest value there. */
    public double dHighestWhereMass(double minDensity) {
        double highest = Double.NaN;
        for (int i = 0; i < xs.length; i++) {
            if ((pData[i] > minDensity || pG[i] > minDensity) && !(d[i] <= highest)) {
                highest = d[i];
            }
        }
        return highest;
    }

    private double width(int i) {
        if (xs.length == 1) {
            return 1;
        }
        double left = i == 0 ? xs[1] - xs[0] : xs[i] - xs[i - 1];
        double right = i == xs.length - 1 ? xs[i] - xs[i - 1] : xs[i + 1] - xs[i];
        return (left + right) / 2;
    }

    private double mass(double[] p, double from, double to) {
        double sum = 0;
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] >= from && xs[i] <= to) {
                sum += p[i] * width(i);
            }
        }
        return sum;
    }

    private double mean(double[] p) {
        double total = 0;
        double sum = 0;
        for (int i = 0; i < xs.length; i++) {
            total += p[i] * width(i);
            sum += p[i] * width(i) * xs[i];
        }
        return sum / total;
    }

    private double std(double[] p) {
        double mean = mean(p);
        double total = 0;
        double sum = 0;
        for (int i = 0; i < xs.length; i++) {
            total += p[i] * width(i);
            sum += p[i] * width(i) * (xs[i] - mean) * (xs[i] - mean);
        }
        return Math.sqrt(sum / total);
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * A short description (the arrays are not printed).
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "DensityPanel[" + xs.length + " points, x " + xs[0] + ".." + xs[xs.length - 1] + "]";
    }
}
