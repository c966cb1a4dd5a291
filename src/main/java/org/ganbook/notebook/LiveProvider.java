package org.ganbook.notebook;

import org.ganbook.train.TrainingProgress;

/**
 * Makes the live view {@link org.ganbook.train.GanTrainer#fit}'s default inside a Jupyter kernel
 * (registered in {@code META-INF/services}); elsewhere it offers nothing and fit prints plain lines.
 */
public final class LiveProvider implements TrainingProgress.Provider {

    @Override
    public TrainingProgress progress() {
        return JupyterKernel.find().isPresent() ? Live.automatic() : null;
    }
}
