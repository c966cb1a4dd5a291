package org.ganbook.train;

import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The smallest GAN there is, in two numbers: the Dirac GAN of Mescheder, Geiger and Nowozin (2018),
 * "Which Training Methods for GANs do actually Converge?".
 *
 * <p>The real data is a single point at 0. The generator has one parameter θ and puts all its
 * samples at θ. The discriminator has one parameter ψ and is linear, D(x) = ψ·x (a logit). The
 * game's value is {@code V(θ, ψ) = f(ψ·θ) + f(0)}: the discriminator ascends it, the generator
 * descends it. Two choices of {@code f}:
 *
 * <ul>
 *   <li>{@link #bilinear()}: f(t) = t, the bilinear game {@code min_θ max_ψ ψθ};
 *   <li>{@link #gan()}: f(t) = −log(1 + e^(−t)), the log-likelihood of the original GAN.
 * </ul>
 *
 * <p>In both the only equilibrium is θ = ψ = 0: the generator sits on the data and the
 * discriminator cannot tell. Gradient steps do not reach it. With <b>simultaneous</b> updates both
 * players step from the same point and the pair spirals outwards; with <b>alternating</b> updates
 * (G steps, then D steps seeing G's new position) it circles the equilibrium for ever. A gradient
 * penalty on the discriminator, {@code −γ/2·ψ²} added to D's objective (Mescheder et al.'s R1
 * regulariser for this game), damps the rotation and the pair converges.
 *
 * <pre>{@code
 * DiracGame.Trajectory t = DiracGame.bilinear().play(1, 0, 0.1, 500, DiracGame.Updates.SIMULTANEOUS);
 * t.finalDistance();   // grows like (1 + h²)^(n/2)
 * }</pre>
 */
public final class DiracGame {

    /** How the two players take their gradient steps. */
    public enum Updates {
        /** Both players step from the same point (θ, ψ). */
        SIMULTANEOUS,
        /** The generator steps first; the discriminator then steps from the generator's new θ. */
        ALTERNATING
    }

    private final boolean bilinear;
    private final double gradientPenalty;

    private DiracGame(boolean bilinear, double gradientPenalty) {
        this.bilinear = bilinear;
        this.gradientPenalty = gradientPenalty;
    }

    /**
     * The bilinear game {@code V(θ, ψ) = ψ·θ}.
     *
     * @return the game
     */
    public static DiracGame bilinear() {
        return new DiracGame(true, 0);
    }

    /**
     * The Dirac GAN with the original GAN objective, {@code V(θ, ψ) = f(ψθ) + f(0)} with
     * {@code f(t) = −log(1 + e^(−t))}.
     *
     * @return the game
     */
    public static DiracGame gan() {
        return new DiracGame(false, 0);
    }

    /**
     * The same game with a gradient penalty on the discriminator: D ascends {@code V − γ/2·ψ²}.
     *
     * @param gamma the penalty weight γ, not negative
     * @return a new game
     */
    public DiracGame withGradientPenalty(double gamma) {
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("gamma must be a finite number >= 0, got " + gamma);
        }
        return new DiracGame(bilinear, gamma);
    }

    /**
     * Counts how often a sequence changes sign (zeros are skipped): for θ along a path, how many times the
     * generator crosses the equilibrium, 0 or 1 for a path that goes straight in, many for one that circles.
     *
     * @param values the sequence, e.g. {@code trajectory.theta()}
     * @return the number of sign changes
     */
    public static int signChanges(double[] values) {
        int changes = 0;
        double last = 0;
        for (double v : values) {
            if (v != 0) {
                if (last != 0 && Math.signum(v) != Math.signum(last)) {
                    changes++;
                }
                last = v;
            }
        }
        return changes;
    }

    /** Returns the penalty weight γ (0 for none). */
    public double gradientPenalty() {
        return gradientPenalty;
    }

    /**
     * The value V(θ, ψ) of the game (without the penalty).
     *
     * @param theta the generator's parameter
     * @param psi the discriminator's parameter
     * @return V(θ, ψ)
     */
    public double value(double theta, double psi) {
        return f(psi * theta) + f(0);
    }

    /**
     * ∂V/∂θ, the slope the generator descends.
     *
     * @param theta the generator's parameter
     * @param psi the discriminator's parameter
     * @return the derivative
     */
    public double generatorGradient(double theta, double psi) {
        return psi * fPrime(psi * theta);
    }

    /**
     * ∂(V − γ/2·ψ²)/∂ψ, the slope the discriminator ascends.
     *
     * @param theta the generator's parameter
     * @param psi the discriminator's parameter
     * @return the derivative
     */
    public double discriminatorGradient(double theta, double psi) {
        return theta * fPrime(psi * theta) - gradientPenalty * psi;
    }

    /**
     * Plays the game with gradient steps from (θ₀, ψ₀): the generator descends V, the discriminator
     * ascends it, each with step size {@code learningRate}.
     *
     * @param theta0 the generator's start
     * @param psi0 the discriminator's start
     * @param learningRate the step size h, positive
     * @param steps how many steps (each moves both players once)
     * @param updates simultaneous or alternating
     * @return the {@code steps + 1} points visited, the start included
     */
    public Trajectory play(double theta0, double psi0, double learningRate, int steps, Updates updates) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (updates == null) {
            throw new IllegalArgumentException("updates is null: SIMULTANEOUS or ALTERNATING");
        }
        double[] theta = new double[steps + 1];
        double[] psi = new double[steps + 1];
        theta[0] = theta0;
        psi[0] = psi0;
        for (int i = 0; i < steps; i++) {
            double t = theta[i];
            double p = psi[i];
            double newTheta = t - learningRate * generatorGradient(t, p);
            double seenTheta = updates == Updates.SIMULTANEOUS ? t : newTheta;
            double newPsi = p + learningRate * discriminatorGradient(seenTheta, p);
            theta[i + 1] = newTheta;
            psi[i + 1] = newPsi;
        }
        return new Trajectory(theta, psi);
    }

    private double f(double t) {
        return bilinear ? t : -softplus(-t);
    }

    private double fPrime(double t) {
        // d/dt −log(1 + e^(−t)) = 1 / (1 + e^t)
        return bilinear ? 1 : 1 / (1 + Math.exp(t));
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    public String toString() {
        return "DiracGame[" + (bilinear ? "bilinear ψθ" : "GAN f(ψθ) + f(0)")
                + (gradientPenalty > 0 ? String.format(Locale.ROOT, ", gradient penalty γ = %g", gradientPenalty) : "")
                + "]";
    }

    /**
     * The points (θ, ψ) a play visited, the start first.
     *
     * @param theta the generator's parameter at each step
     * @param psi the discriminator's parameter at each step
     */
    public record Trajectory(double[] theta, double[] psi) {

        /**
         * Checks and copies the arrays.
         *
         * @param theta θ at each step
         * @param psi ψ at each step
         */
        public Trajectory {
            if (theta == null || psi == null || theta.length == 0 || theta.length != psi.length) {
                throw new IllegalArgumentException("theta and psi must be non-empty and of equal length");
            }
            theta = theta.clone();
            psi = psi.clone();
        }

        @Override
        public double[] theta() {
            return theta.clone();
        }

        @Override
        public double[] psi() {
            return psi.clone();
        }

        /** Returns the number of steps taken (one less than the number of points). */
        public int steps() {
            return theta.length - 1;
        }

        /**
         * The distance from the equilibrium (0, 0) after {@code step} steps.
         *
         * @param step 0 for the start, up to {@link #steps()}
         * @return √(θ² + ψ²)
         */
        public double distance(int step) {
            return Math.hypot(theta[step], psi[step]);
        }

        /** Returns the distance from the equilibrium at the start. */
        public double initialDistance() {
            return distance(0);
        }

        /** Returns the distance from the equilibrium after the last step. */
        public double finalDistance() {
            return distance(steps());
        }

        /** Returns the largest distance from the equilibrium along the way. */
        public double maxDistance() {
            double max = 0;
            for (int i = 0; i < theta.length; i++) {
                max = Math.max(max, distance(i));
            }
            return max;
        }

        /** Returns the first step at which the distance from the equilibrium is largest (0 for the start). */
        public int farthestStep() {
            int best = 0;
            for (int i = 1; i < theta.length; i++) {
                if (distance(i) > distance(best)) {
                    best = i;
                }
            }
            return best;
        }

        /** Returns the first step at which ψ, the discriminator's parameter, is highest (0 for the start). */
        public int highestPsiStep() {
            int best = 0;
            for (int i = 1; i < psi.length; i++) {
                if (psi[i] > psi[best]) {
                    best = i;
                }
            }
            return best;
        }

        /**
         * Tells whether the distance from the equilibrium falls at every step after {@code step}.
         *
         * @param step 0 for the start, up to {@link #steps()}
         * @return true if each later point is strictly closer than the one before it
         */
        public boolean closesInAfter(int step) {
            if (step < 0 || step > steps()) {
                throw new IllegalArgumentException("step must be between 0 and " + steps() + ", got " + step);
            }
            for (int i = step; i < steps(); i++) {
                if (!(distance(i + 1) < distance(i))) {
                    return false;
                }
            }
            return true;
        }

        /** Returns the smallest distance from the equilibrium along the way. */
        public double minDistance() {
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < theta.length; i++) {
                min = Math.min(min, distance(i));
            }
            return min;
        }

        /**
         * The trajectory as a table with columns {@code step}, {@code theta}, {@code psi} and
         * {@code distance}.
         *
         * @return the table
         */
        public Table table() {
            int n = theta.length;
            int[] step = new int[n];
            double[] distance = new double[n];
            for (int i = 0; i < n; i++) {
                step[i] = i;
                distance[i] = distance(i);
            }
            return Table.create("trajectory",
                    IntColumn.create("step", step),
                    DoubleColumn.create("theta", theta),
                    DoubleColumn.create("psi", psi),
                    DoubleColumn.create("distance", distance));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Trajectory[%d steps, distance from equilibrium %.4f -> %.4f, max %.4f]",
                    steps(), initialDistance(), finalDistance(), maxDistance());
        }
    }
}
