package org.shapescope.analysis.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The checked column layout of a checkpoint file (docs/FORMAT.md, "Accepted column types"):
 * {@code layer} (any integer type), {@code embedding} (FixedSizeList, List or LargeList of
 * float16/32/64), and which optional per-token columns can be used. An optional column of a type
 * that cannot be used is left out with a warning, never costing the file.
 *
 * @param elementType  the stored type of the embedding values
 * @param layout       which list type holds the embedding
 * @param hiddenSize   values per row: from the schema for FixedSizeList; learnt from the rows for
 *                     List and LargeList (0 until then)
 * @param tokenColumns the usable optional columns
 * @param warnings     one line per optional column left out
 */
record CheckpointSchema(ElementType elementType, EmbeddingLayout layout, int hiddenSize, List<String> tokenColumns,
                        List<String> warnings) {
    static final String LAYER = "layer";
    static final String EMBEDDING = "embedding";
    static final String SEQUENCE = "sequence";
    static final String POSITION = "position";
    static final String TOKEN_ID = "token_id";
    static final String TOKEN = "token";

    /** The list types an embedding column may have. */
    enum EmbeddingLayout { FIXED_SIZE_LIST, LIST, LARGE_LIST }

    /**
     * Checks the schema. {@code dictionaries} resolves dictionary-encoded columns (whose schema
     * type is the index type) to their value type.
     */
    static CheckpointSchema of(Path path, Schema schema, DictionaryProvider dictionaries) throws CheckpointFormatException {
        Field layer = find(schema, LAYER);
        Field embedding = find(schema, EMBEDDING);
        if (layer == null || embedding == null) {
            String columns = schema.getFields().stream().map(Field::getName).collect(Collectors.joining(", "));
            throw new CheckpointFormatException(path, "is not a Shapescope checkpoint: it needs columns 'layer' and 'embedding', it has ["
                    + columns + "]");
        }
        if (!(layer.getType() instanceof ArrowType.Int) || layer.getDictionary() != null) {
            throw new CheckpointFormatException(path, "column 'layer' must be an integer type, it is " + describe(layer, dictionaries));
        }
        EmbeddingLayout layout = layout(embedding.getType());
        if (layout == null || embedding.getDictionary() != null) {
            throw new CheckpointFormatException(path, "column 'embedding' must be a FixedSizeList, List or LargeList of float16, "
                    + "float32 or float64 (one row per token), it is " + describe(embedding, dictionaries));
        }
        Field child = embedding.getChildren().isEmpty() ? null : embedding.getChildren().get(0);
        if (child != null && layout(child.getType()) != null) {
            throw new CheckpointFormatException(path, "column 'embedding' is " + describe(embedding, dictionaries)
                    + ", a list of lists: this looks like one whole [tokens, hidden] tensor per row; Shapescope expects one row"
                    + " per token and layer, 'embedding' holding that token's hidden state as a list of floats (docs/FORMAT.md)");
        }
        if (child == null || !(child.getType() instanceof ArrowType.FloatingPoint floating)) {
            throw new CheckpointFormatException(path, "column 'embedding' must hold float16, float32 or float64 values, it is "
                    + describe(embedding, dictionaries));
        }
        ElementType elementType = floating.getPrecision() == FloatingPointPrecision.HALF ? ElementType.FLOAT16
                : floating.getPrecision() == FloatingPointPrecision.SINGLE ? ElementType.FLOAT32 : ElementType.FLOAT64;
        int hiddenSize = 0;
        if (embedding.getType() instanceof ArrowType.FixedSizeList fixed) {
            if (fixed.getListSize() <= 0) {
                throw new CheckpointFormatException(path, "column 'embedding' has hidden size " + fixed.getListSize());
            }
            hiddenSize = fixed.getListSize();
        }
        List<String> tokenColumns = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String name : List.of(SEQUENCE, POSITION, TOKEN_ID)) {
            Field field = find(schema, name);
            if (field == null) {
                continue;
            }
            if (field.getType() instanceof ArrowType.Int && field.getDictionary() == null) {
                tokenColumns.add(name);
            } else {
                warnings.add(ignored(name, describe(field, dictionaries), "an integer type"));
            }
        }
        Field token = find(schema, TOKEN);
        if (token != null) {
            if (isText(valueType(token, dictionaries))) {
                tokenColumns.add(TOKEN);
            } else {
                warnings.add(ignored(TOKEN, describe(token, dictionaries), "utf8, large utf8 or utf8 view (dictionary-encoded or not)"));
            }
        }
        return new CheckpointSchema(elementType, layout, hiddenSize, List.copyOf(tokenColumns), List.copyOf(warnings));
    }

    /** This schema with the hidden size learnt from the rows of a List or LargeList embedding. */
    CheckpointSchema withHiddenSize(int size) {
        return new CheckpointSchema(elementType, layout, size, tokenColumns, warnings);
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

    static boolean isText(ArrowType type) {
        return type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8 || type instanceof ArrowType.Utf8View;
    }

    private static String ignored(String column, String type, String expected) {
        return "column '" + column + "' is " + type + ", not " + expected + ": the column is ignored";
    }

    private static EmbeddingLayout layout(ArrowType type) {
        if (type instanceof ArrowType.FixedSizeList) {
            return EmbeddingLayout.FIXED_SIZE_LIST;
        }
        if (type instanceof ArrowType.List) {
            return EmbeddingLayout.LIST;
        }
        return type instanceof ArrowType.LargeList ? EmbeddingLayout.LARGE_LIST : null;
    }

    /** The type of the values a column holds: the dictionary's value type for a dictionary-encoded column. */
    private static ArrowType valueType(Field field, DictionaryProvider dictionaries) {
        DictionaryEncoding encoding = field.getDictionary();
        if (encoding == null) {
            return field.getType();
        }
        Dictionary dictionary = dictionaries == null ? null : dictionaries.lookup(encoding.getId());
        return dictionary == null ? null : dictionary.getVectorType();
    }

    /** A column's type in words: "float64", "list<float32>", "dictionary<utf8_view, uint32 indices>". */
    static String describe(Field field, DictionaryProvider dictionaries) {
        if (field.getDictionary() != null) {
            ArrowType values = valueType(field, dictionaries);
            return "dictionary<" + (values == null ? "?" : name(values, List.of())) + ", "
                    + name(field.getDictionary().getIndexType(), List.of()) + " indices>";
        }
        return name(field.getType(), field.getChildren());
    }

    private static String name(ArrowType type, List<Field> children) {
        String child = children.isEmpty() ? "?" : name(children.get(0).getType(), children.get(0).getChildren());
        if (type instanceof ArrowType.Int i) {
            return (i.getIsSigned() ? "int" : "uint") + i.getBitWidth();
        }
        if (type instanceof ArrowType.FloatingPoint f) {
            return switch (f.getPrecision()) {
                case HALF -> "float16";
                case SINGLE -> "float32";
                case DOUBLE -> "float64";
            };
        }
        if (type instanceof ArrowType.Utf8) {
            return "utf8";
        }
        if (type instanceof ArrowType.LargeUtf8) {
            return "large_utf8";
        }
        if (type instanceof ArrowType.Utf8View) {
            return "utf8_view";
        }
        if (type instanceof ArrowType.FixedSizeList f) {
            return "fixed_size_list<" + child + ">[" + f.getListSize() + "]";
        }
        if (type instanceof ArrowType.List) {
            return "list<" + child + ">";
        }
        if (type instanceof ArrowType.LargeList) {
            return "large_list<" + child + ">";
        }
        return type.toString();
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
