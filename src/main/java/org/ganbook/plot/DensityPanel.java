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
     * A short description (the arrays are not printed).
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "DensityPanel[" + xs.length + " points, x " + xs[0] + ".." + xs[xs.length - 1] + "]";
    }
}
