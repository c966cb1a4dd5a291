package org.ganbook.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ganbook.io.ChecksummedFile;

/**
 * The checkpoint file of a {@link GanTrainer}: both networks, both optimizers' state, the counters of
 * the random streams and the history, in a {@linkplain ChecksummedFile checksummed frame} written
 * atomically. A state with a NaN or infinite value is never written, so a checkpoint always holds a
 * state that can go on training.
 */
final class Checkpoints {

    /** The file's kind; the number is the layout's version. */
    static final String KIND = "ganbook checkpoint 2";
    private static final int MAX_DIMENSIONS = 8;
    private static final long MAX_VALUES = 1L << 30;

    private Checkpoints() {}

    /** Writes the trainer's whole state to {@code file}; see {@link GanTrainer#save(Path)}. */
    static void save(GanTrainer trainer, Path file) throws IOException {
        GanTrainer.State state = trainer.state();
        // streamed into the file as it is made; a NaN or infinite value stops the save and the previous
        // checkpoint stays the last good one
        ChecksummedFile.write(file, KIND, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeLong(state.seed());
            out.writeLong(state.iteration());
            out.writeLong(state.realBatchesDrawn());
            out.writeLong(state.samplesDrawn());
            out.writeDouble(state.seconds());
            String part = "the generator's weights";
            try {
                writeBlock(out, trainer.generator());
                part = "the discriminator's weights";
                writeBlock(out, trainer.discriminator());
                part = "the generator's optimizer state";
                trainer.generatorOptimizer().saveState(out);
                part = "the discriminator's optimizer state";
                trainer.discriminatorOptimizer().saveState(out);
            } catch (NonFiniteValue e) {
                throw new NonFiniteStateException(state.iteration(), part + " hold NaN or infinite values");
            }
            String probe = Probes.nonFiniteLosses(trainer);
            if (probe != null) {
                throw new NonFiniteStateException(state.iteration(), probe);
            }
            trainer.historyRows().write(out);
            out.flush();
        });
    }

    /** Restores a state written by {@link #save}; nothing changes unless the whole file is valid. */
    static void load(GanTrainer trainer, Path file) throws IOException {
        read(file, KIND, in -> {
            long seed = in.readLong();
            long iteration = in.readLong();
            long realBatchesDrawn = in.readLong();
            long samplesDrawn = in.readLong();
            double seconds = in.readDouble();
            Map<String, float[]> generatorValues = readBlock(in, trainer.generator(), "generator");
            Map<String, float[]> discriminatorValues = readBlock(in, trainer.discriminator(), "discriminator");
            // the file is intact and fits these networks: apply it
            assign(trainer.generator(), generatorValues);
            assign(trainer.discriminator(), discriminatorValues);
            trainer.generatorOptimizer().loadState(in, trainer.manager());
            trainer.discriminatorOptimizer().loadState(in, trainer.manager());
            History history = History.read(in);
            trainer.restore(new GanTrainer.State(seed, iteration, realBatchesDrawn, samplesDrawn, seconds), history);
        });
    }

    /** Reads a checkpoint's body, after the whole file has been checked. */
    interface BodyReader {
        void read(DataInputStream in) throws IOException;
    }

    /**
     * Reads a checksummed checkpoint of the given kind and hands its body to {@code reader}: a missing file
     * and a body that ends early are reported as such.
     */
    static void read(Path file, String kind, BodyReader reader) throws IOException {
        byte[] body;
        try {
            body = ChecksummedFile.read(file, kind);
        } catch (NoSuchFileException e) {
            throw new IOException("no checkpoint at " + file, e);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            reader.read(in);
        } catch (EOFException e) {
            throw new IOException(file + " ends early: the checkpoint is incomplete", e);
        }
    }

    static void writeArray(DataOutputStream out, NDArray array) throws IOException {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IOException("only float32 arrays are checkpointed, got " + array.getDataType());
        }
        long[] dims = array.getShape().getShape();
        out.writeInt(dims.length);
        for (long dim : dims) {
            out.writeLong(dim);
        }
        float[] values = array.toFloatArray();
        for (float value : values) {
            if (!Float.isFinite(value)) {
                throw new NonFiniteValue(value);
            }
            out.writeFloat(value);
        }
    }

    /** A NaN or infinite value met while writing; {@link GanTrainer#save} says which array and step. */
    static final class NonFiniteValue extends IOException {
        private static final long serialVersionUID = 1L;

        NonFiniteValue(float value) {
            super("a value is " + value);
        }
    }

    static float[] readValues(DataInputStream in, Shape expected, String what) throws IOException {
        Shape shape = readShape(in, what);
        if (expected != null && !expected.equals(shape)) {
            throw new IOException(what + ": the checkpoint has shape " + shape + " but the model has " + expected);
        }
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    static NDArray readArray(DataInputStream in, NDManager manager) throws IOException {
        Shape shape = readShape(in, "optimizer state");
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return manager.create(values, shape);
    }

    private static Shape readShape(DataInputStream in, String what) throws IOException {
        int rank = in.readInt();
        if (rank < 0 || rank > MAX_DIMENSIONS) {
            throw new IOException(what + ": corrupted array header (rank " + rank + ")");
        }
        long[] dims = new long[rank];
        long size = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = in.readLong();
            if (dims[i] < 0 || dims[i] > MAX_VALUES) {
                throw new IOException(what + ": corrupted array header (dimension " + dims[i] + ")");
            }
            size *= Math.max(dims[i], 1);
            if (size > MAX_VALUES) {
                throw new IOException(what + ": corrupted array header (too many values)");
            }
        }
        return new Shape(dims);
    }

    /** Writes every parameter (running statistics included) of the block by name. */
    static void writeBlock(DataOutputStream out, Block block) throws IOException {
        Map<String, Parameter> parameters = parameters(block);
        out.writeInt(parameters.size());
        for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
            out.writeUTF(entry.getKey());
            writeArray(out, entry.getValue().getArray());
        }
    }

    /** Reads values written by {@link #writeBlock} into the block's existing arrays, in place. */
    static Map<String, float[]> readBlock(DataInputStream in, Block block, String blockName) throws IOException {
        Map<String, Parameter> parameters = parameters(block);
        int count = in.readInt();
        if (count != parameters.size()) {
            throw new IOException(
                    blockName + ": the checkpoint has " + count + " parameter tensors but the model has "
                            + parameters.size() + "; was it saved from a different architecture?");
        }
        Map<String, float[]> values = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            Parameter parameter = parameters.get(name);
            if (parameter == null) {
                throw new IOException(blockName + ": the checkpoint has a parameter '" + name
                        + "' that the model does not; was it saved from a different architecture?");
            }
            values.put(name, readValues(in, parameter.getArray().getShape(), blockName + "." + name));
        }
        return values;
    }

    static void assign(Block block, Map<String, float[]> values) {
        Map<String, Parameter> parameters = parameters(block);
        for (Map.Entry<String, float[]> entry : values.entrySet()) {
            assign(parameters.get(entry.getKey()).getArray(), entry.getValue());
        }
    }

    /**
     * Writes values into an array. On the CPU they go straight into the tensor's memory: PyTorch's
     * own copy ({@code NDArray.set}) prints a deprecation warning to standard error, once per process,
     * which the command line would show on every resume. Elsewhere, or if the memory turns out not
     * to be shared, it falls back to {@code set}.
     */
    private static void assign(NDArray array, float[] values) {
        if (Device.Type.CPU.equals(array.getDevice().getDeviceType()) && array.getDataType() == DataType.FLOAT32) {
            ByteBuffer memory = array.toByteBuffer(true);
            if (memory.isDirect() && !memory.isReadOnly() && memory.capacity() == values.length * Float.BYTES) {
                memory.order(ByteOrder.nativeOrder()).asFloatBuffer().put(values);
                if (Arrays.equals(array.toFloatArray(), values)) {
                    return;
                }
            }
        }
        array.set(values);
    }

    static Map<String, Parameter> parameters(Block block) {
        Map<String, Parameter> map = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            if (!pair.getValue().isInitialized()) {
                throw new IllegalStateException("parameter " + pair.getKey() + " is not initialized");
            }
            map.put(pair.getKey(), pair.getValue());
        }
        return map;
    }
}
