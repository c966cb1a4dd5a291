package org.ganbook.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the ganbook project folder, where the shipped data and the caches live: the folder named by
 * {@code GANBOOK_HOME} (the project kernel sets it), else the nearest folder at or above the working
 * directory whose {@code pom.xml} declares the {@code ganbook} artifact.
 */
public final class ProjectFolder {

    /** The environment variable that names the project folder. */
    public static final String ENVIRONMENT_VARIABLE = "GANBOOK_HOME";

    private ProjectFolder() {}

    /**
     * Finds the project folder from the real environment and working directory.
     *
     * @return the folder, or empty when ganbook runs outside its project (as a dependency, say)
     */
    public static Optional<Path> find() {
        return find(System::getenv, Path.of(System.getProperty("user.dir", ".")));
    }

    /**
     * Finds the project folder; the environment and the working directory are passed in so that tests
     * can stand in for them.
     *
     * @param environment reads an environment variable (null when unset)
     * @param workingDirectory where to start walking up
     * @return the folder, or empty if none is found
     */
    public static Optional<Path> find(Function<String, String> environment, Path workingDirectory) {
        String home = environment.apply(ENVIRONMENT_VARIABLE);
        if (home != null && !home.isBlank() && isProject(Path.of(home))) {
            return Optional.of(Path.of(home).toAbsolutePath().normalize());
        }
        for (Path p = workingDirectory.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (isProject(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static boolean isProject(Path folder) {
        Path pom = folder.resolve("pom.xml");
        try {
            return Files.isRegularFile(pom)
                    && Files.readString(pom, StandardCharsets.UTF_8).contains("<artifactId>ganbook</artifactId>");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
