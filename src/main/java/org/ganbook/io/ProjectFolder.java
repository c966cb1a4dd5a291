package org.ganbook.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the ganbook project folder (one holding {@code pom.xml} and {@code notebooks/}), where the
 * shipped data and the caches live: the folder {@code GANBOOK_HOME} names (the project kernel sets
 * it), else the nearest at or above the working directory, else the nearest at or above where the
 * library's classes were loaded from.
 */
public final class ProjectFolder {

    /** The environment variable that names the project folder. */
    public static final String ENVIRONMENT_VARIABLE = "GANBOOK_HOME";

    private ProjectFolder() {}

    /**
     * Finds the project folder from the real environment, working directory and class location.
     *
     * @return the folder, or empty when ganbook runs outside its project (as a dependency, say)
     */
    public static Optional<Path> find() {
        return find(System::getenv, Path.of(System.getProperty("user.dir", ".")), codeLocation());
    }

    /**
     * Finds the project folder; the environment, the working directory and the class location are
     * passed in so that tests can stand in for them.
     *
     * @param environment reads an environment variable (null when unset)
     * @param workingDirectory where to start walking up
     * @param codeLocation where the classes were loaded from (a jar or a folder), or null
     * @return the folder, or empty if none is found
     */
    public static Optional<Path> find(Function<String, String> environment, Path workingDirectory, Path codeLocation) {
        Path start = workingDirectory.toAbsolutePath().normalize();
        String home = environment.apply(ENVIRONMENT_VARIABLE);
        if (home != null && !home.isBlank()) {
            Path folder = start.resolve(home.strip()).normalize();
            if (isProject(folder)) {
                return Optional.of(folder);
            }
        }
        Optional<Path> found = atOrAbove(start);
        if (found.isEmpty() && codeLocation != null) {
            found = atOrAbove(codeLocation.toAbsolutePath().normalize());
        }
        return found;
    }

    /** Says, for an error message, where {@link #find} looked. */
    public static String whereLooked(Function<String, String> environment, Path workingDirectory, Path codeLocation) {
        String reason = "no folder with pom.xml and notebooks/ at or above " + workingDirectory.toAbsolutePath().normalize();
        if (codeLocation != null) {
            reason += " or " + codeLocation.toAbsolutePath().normalize();
        }
        String home = environment.apply(ENVIRONMENT_VARIABLE);
        if (home != null && !home.isBlank()) {
            reason += ", nor at " + ENVIRONMENT_VARIABLE + "=" + home.strip();
        }
        return reason;
    }

    /** Where this library's classes were loaded from (a jar or a folder), or null if unknown. */
    public static Path codeLocation() {
        try {
            java.security.CodeSource source = ProjectFolder.class.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
        } catch (RuntimeException | java.net.URISyntaxException e) {
            return null;
        }
    }

    private static Optional<Path> atOrAbove(Path start) {
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (isProject(folder)) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    private static boolean isProject(Path folder) {
        return Files.isRegularFile(folder.resolve("pom.xml")) && Files.isDirectory(folder.resolve("notebooks"));
    }
}
