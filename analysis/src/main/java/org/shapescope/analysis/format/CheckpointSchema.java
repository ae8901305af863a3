package org.shapescope.analysis.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The checked column layout of a checkpoint file: {@code layer} (integer), {@code embedding}
 * (FixedSizeList of float16/32/64), and which optional per-token columns are present.
 */
record CheckpointSchema(ElementType elementType, int hiddenSize, List<String> tokenColumns) {
    static final String LAYER = "layer";
    static final String EMBEDDING = "embedding";
    static final String SEQUENCE = "sequence";
    static final String POSITION = "position";
    static final String TOKEN_ID = "token_id";
    static final String TOKEN = "token";

    static CheckpointSchema of(Path path, Schema schema) throws CheckpointFormatException {
        Field layer = find(schema, LAYER);
        Field embedding = find(schema, EMBEDDING);
        if (layer == null || embedding == null) {
            String columns = schema.getFields().stream().map(Field::getName).collect(Collectors.joining(", "));
            throw new CheckpointFormatException(path, "is not a Shapescope checkpoint: it needs columns 'layer' and 'embedding', it has ["
                    + columns + "]");
        }
        if (!(layer.getType() instanceof ArrowType.Int)) {
            throw new CheckpointFormatException(path, "column 'layer' must be an integer type, it is " + layer.getType());
        }
        if (!(embedding.getType() instanceof ArrowType.FixedSizeList list)) {
            throw new CheckpointFormatException(path, "column 'embedding' must be FixedSizeList<float>[hidden_size], it is "
                    + embedding.getType());
        }
        ArrowType childType = embedding.getChildren().isEmpty() ? null : embedding.getChildren().get(0).getType();
        if (!(childType instanceof ArrowType.FloatingPoint floating)) {
            throw new CheckpointFormatException(path, "column 'embedding' must hold float16, float32 or float64 values, it holds "
                    + childType);
        }
        ElementType elementType = floating.getPrecision() == FloatingPointPrecision.HALF ? ElementType.FLOAT16
                : floating.getPrecision() == FloatingPointPrecision.SINGLE ? ElementType.FLOAT32 : ElementType.FLOAT64;
        if (list.getListSize() <= 0) {
            throw new CheckpointFormatException(path, "column 'embedding' has hidden size " + list.getListSize());
        }
        List<String> tokenColumns = new ArrayList<>();
        for (String name : List.of(SEQUENCE, POSITION, TOKEN_ID)) {
            Field field = find(schema, name);
            if (field != null) {
                if (!(field.getType() instanceof ArrowType.Int)) {
                    throw new CheckpointFormatException(path, "column '" + name + "' must be an integer type, it is " + field.getType());
                }
                tokenColumns.add(name);
            }
        }
        Field token = find(schema, TOKEN);
        if (token != null) {
            if (!(token.getType() instanceof ArrowType.Utf8) && !(token.getType() instanceof ArrowType.LargeUtf8)) {
                throw new CheckpointFormatException(path, "column 'token' must be utf8, it is " + token.getType());
            }
            tokenColumns.add(TOKEN);
        }
        return new CheckpointSchema(elementType, list.getListSize(), List.copyOf(tokenColumns));
    }

    boolean has(String column) {
        return tokenColumns.contains(column);
    }

    static int layerIndex(Path path, long value) throws CheckpointFormatException {
        if (value < 0 || value > 100_000) {
            throw new CheckpointFormatException(path, "column 'layer' holds " + value + ", not a layer index (0 to 100000)");
        }
        return (int) value;
    }

    private static Field find(Schema schema, String name) {
        for (Field field : schema.getFields()) {
            if (field.getName().equals(name)) {
                return field;
            }
        }
        return null;
    }
}
