package org.ganbook.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesPlumbingTest {

    @TempDir
    Path dir;

    @Test
    void anAtomicWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("sub").resolve("state.bin");
        AtomicFile.write(file, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
        assertEquals("old", Files.readString(file));
        IOException failure = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write("new, half wri".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failure.getMessage());
        assertEquals("old", Files.readString(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        AtomicFile.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(file));
        // a directory where the file should go is refused, not replaced
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        IOException isDirectory = assertThrows(IOException.class, () -> AtomicFile.write(folder, out -> out.write(1)));
        assertTrue(isDirectory.getMessage().contains("is a directory"), isDirectory.getMessage());
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void aChecksummedFileReadsBackAndEveryKindOfDamageIsNamed() throws IOException {
        Path file = dir.resolve("frame.bin");
        byte[] body = new byte[1000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 7);
        }
        ChecksummedFile.write(file, "test-kind 1", body);
        assertArrayEquals(body, ChecksummedFile.read(file, "test-kind 1"));

        CorruptedFileException otherKind =
                assertThrows(CorruptedFileException.class, () -> ChecksummedFile.read(file, "test-kind 2"));
        assertTrue(otherKind.getMessage().contains("not a test-kind 2 file"), otherKind.getMessage());
        assertEquals(file, otherKind.file());

        byte[] all = Files.readAllBytes(file);
        for (int position : new int[] {12, all.length / 2, all.length - 1}) {
            byte[] flipped = all.clone();
            flipped[position] ^= 0x10;
            Files.write(file, flipped);
            CorruptedFileException damaged =
                    assertThrows(CorruptedFileException.class, () -> ChecksummedFile.read(file, "test-kind 1"));
            assertTrue(damaged.getMessage().contains("checksum"), damaged.getMessage());
        }
        Files.write(file, java.util.Arrays.copyOf(all, 15));
        assertTrue(assertThrows(CorruptedFileException.class, () -> ChecksummedFile.read(file, "test-kind 1"))
                .getMessage().contains("truncated"));
        Files.write(file, new byte[0]);
        assertThrows(CorruptedFileException.class, () -> ChecksummedFile.read(file, "test-kind 1"));
        assertThrows(NoSuchFileException.class, () -> ChecksummedFile.read(dir.resolve("missing"), "test-kind 1"));
        assertThrows(IllegalArgumentException.class, () -> ChecksummedFile.write(file, "two\nlines", body));
    }

    @Test
    void theProjectFolderComesFromTheEnvironmentOrTheNearestFolderWithPomAndNotebooks() throws IOException {
        Path project = dir.resolve("project");
        Path deep = project.resolve("notebooks").resolve("sub");
        Files.createDirectories(deep);
        Path other = dir.resolve("other");
        Files.createDirectories(other.resolve("src"));
        Files.writeString(project.resolve("pom.xml"), "<project><artifactId>ganbook</artifactId></project>");
        Files.writeString(other.resolve("pom.xml"), "<project><artifactId>something-else</artifactId></project>");

        Map<String, String> none = Map.of();
        assertEquals(Optional.of(project), ProjectFolder.find(none::get, deep, null));
        assertEquals(Optional.empty(), ProjectFolder.find(none::get, other, null));
        Map<String, String> home = Map.of(ProjectFolder.ENVIRONMENT_VARIABLE, project.toString());
        assertEquals(Optional.of(project), ProjectFolder.find(home::get, other, null));
        // a GANBOOK_HOME that is not a project (no notebooks/) is ignored, not trusted
        Map<String, String> wrong = Map.of(ProjectFolder.ENVIRONMENT_VARIABLE, other.toString());
        assertEquals(Optional.of(project), ProjectFolder.find(wrong::get, deep, null));
        // outside the project, where the library was loaded from leads to it
        Path jar = project.resolve("target").resolve("ganbook.jar");
        assertEquals(Optional.of(project), ProjectFolder.find(none::get, other, jar));
        assertTrue(ProjectFolder.whereLooked(none::get, other, jar).contains(other.toString()));
    }
}
