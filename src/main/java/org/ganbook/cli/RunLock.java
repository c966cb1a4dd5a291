package org.ganbook.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per run directory: an operating-system lock on the file {@code .lock} in the run
 * directory, held while a command trains into it ({@code train}, {@code train --force}, {@code
 * resume}). The file holds the process id of the holder, so that a second command can say which
 * process has the directory. The operating system drops the lock when the process ends, however it
 * ends (SIGKILL included), so a lock never outlives its process; the file itself stays.
 */
final class RunLock implements AutoCloseable {

    /** The lock file's name inside the run directory. */
    static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the run directory's lock, creating the directory if needed.
     *
     * @param root the run directory
     * @return the lock, to be closed when the command is done with the directory
     * @throws UserException if another process (or another command in this one) holds it
     * @throws IOException if the lock file cannot be created or written
     */
    static RunLock acquire(Path root) throws IOException {
        Files.createDirectories(root);
        Path file = root.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new UserException(root + " is in use by another ganbook process (" + holder + ", holding "
                    + file + "); wait for it to finish, or stop it, then try again");
        }
        try {
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(false);
        } catch (IOException e) {
            lock.release();
            channel.close();
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new RunLock(channel, lock);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            return text.matches("\\d+") ? "PID " + text : "PID unknown";
        } catch (IOException e) {
            return "PID unknown";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
