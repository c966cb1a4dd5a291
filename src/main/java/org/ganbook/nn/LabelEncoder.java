package org.ganbook.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Turns class labels into vectors a network can concatenate to its input: either a fixed one-hot
 * code or a learned embedding.
 *
 * <p>Input: {@code NDList(labels)}, class indices {@code 0 … numClasses − 1} of shape {@code (N)}, any
 * integer type (int32 is the usual one). Output: {@code NDList(codes)} of shape {@code (N, width)},
 * float32, where {@code width} is {@code numClasses} for one-hot codes and the embedding size for a
 * learned embedding.
 *
 * <p>The learned embedding is a {@code (numClasses, size)} table whose rows start as N(0, 1) (like
 * PyTorch's {@code nn.Embedding}); its parameter has type {@link Parameter.Type#WEIGHT}, so freezing
 * a network's weights freezes it too. A label picks its row, computed as one-hot code × table so
 * that the gradient reaches the table.
 */
public final class LabelEncoder extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int numClasses;
    private final int width;
    private final Parameter embedding;

    private LabelEncoder(int numClasses, int embeddingSize) {
        super(VERSION);
        Layers.requirePositive("setNumClasses", numClasses);
        this.numClasses = numClasses;
        if (embeddingSize > 0) {
            width = embeddingSize;
            embedding =
                    addParameter(
                            Parameter.builder()
                                    .setName("embedding")
                                    .setType(Parameter.Type.WEIGHT)
                                    .optInitializer(new NormalInitializer(1f))
                                    .optShape(new Shape(numClasses, embeddingSize))
                                    .build());
        } else {
            width = numClasses;
            embedding = null;
        }
    }

    /**
     * Creates an encoder that maps label {@code k} to the {@code k}-th unit vector of length {@code
     * numClasses}. No parameters.
     *
     * @param numClasses how many classes there are
     * @return the encoder
     */
    public static LabelEncoder oneHot(int numClasses) {
        return new LabelEncoder(numClasses, 0);
    }

    /**
     * Creates an encoder that maps each label to a learned vector of length {@code size}.
     *
     * @param numClasses how many classes there are
     * @param size the length of each vector
     * @return the encoder
     */
    public static LabelEncoder embedding(int numClasses, int size) {
        Layers.requirePositive("embedding size", size);
        return new LabelEncoder(numClasses, size);
    }

    /** Returns how many classes the encoder knows. */
    public int getNumClasses() {
        return numClasses;
    }

    /** Returns the length of one code: the number of classes (one-hot) or the embedding size. */
    public int getWidth() {
        return width;
    }

    /** Returns whether the codes are learned (an embedding) rather than fixed one-hot vectors. */
    public boolean isLearned() {
        return embedding != null;
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray labels = inputs.singletonOrThrow();
        NDArray oneHot = labels.reshape(-1).oneHot(numClasses, DataType.FLOAT32);
        if (embedding == null) {
            return new NDList(oneHot);
        }
        NDArray table = parameterStore.getValue(embedding, labels.getDevice(), training);
        return new NDList(oneHot.matMul(table));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), width)};
    }
}
