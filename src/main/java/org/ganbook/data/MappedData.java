package org.ganbook.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.UnaryOperator;

/**
 * Another data source's samples passed through a fixed function, for example colour-inverted digits
 * ({@code x -> x.neg()} on pixels in [−1, 1]): a second domain whose relation to the first is known. The
 * labels, the number of classes and the order of the batches are the source's.
 */
public final class MappedData implements DataSource {

    private final DataSource source;
    private final String name;
    private final UnaryOperator<NDArray> function;

    private MappedData(DataSource source, String name, UnaryOperator<NDArray> function) {
        this.source = source;
        this.name = name;
        this.function = function;
    }

    /**
     * The source's samples, each batch passed through {@code function}, which must keep the shape.
     *
     * @param source where the samples come from
     * @param name a short name of the result, e.g. "inverted digits"
     * @param function applied to each batch, shape {@code (n, sampleShape...)} in and out
     * @return the data source
     */
    public static MappedData of(DataSource source, String name, UnaryOperator<NDArray> function) {
        if (source == null || function == null) {
            throw new IllegalArgumentException("a source and a function are needed");
        }
        return new MappedData(source, name, function);
    }

    /** Returns the source's samples with every pixel (or coordinate) negated: inverted images in [−1, 1]. */
    public static MappedData negated(DataSource source, String name) {
        return of(source, name, NDArray::neg);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Shape sampleShape() {
        return source.sampleShape();
    }

    @Override
    public int numClasses() {
        return source.numClasses();
    }

    @Override
    public BatchStream sampler(long seed) {
        BatchStream inner = source.sampler(seed);
        return new BatchStream() {
            @Override
            public SampleBatch next(NDManager manager, int batchSize) {
                SampleBatch batch = inner.next(manager, batchSize);
                NDArray mapped = function.apply(batch.samples());
                if (!mapped.getShape().equals(batch.samples().getShape())) {
                    throw new IllegalStateException(name + ": the function changed the shape "
                            + batch.samples().getShape() + " into " + mapped.getShape());
                }
                return new SampleBatch(mapped, batch.labels());
            }

            @Override
            public double epochs() {
                return inner.epochs();
            }
        };
    }

    @Override
    public String toString() {
        return name + " (from " + source.name() + ")";
    }
}
