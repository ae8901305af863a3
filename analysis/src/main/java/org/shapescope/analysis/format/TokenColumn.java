package org.shapescope.analysis.format;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.ViewVarCharVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/**
 * The {@code token} column of a loaded record batch read as text: utf8, large utf8 or utf8 view,
 * or any of these dictionary-encoded (the batch then holds integer indices into a dictionary that
 * the IPC reader has loaded: pyarrow's {@code dictionary_encode}, polars' Categorical).
 */
final class TokenColumn {
    private final Path path;
    private final ValueVector rows;
    private final BaseIntVector indices;
    private final ValueVector dictionary;

    private TokenColumn(Path path, ValueVector rows, BaseIntVector indices, ValueVector dictionary) {
        this.path = path;
        this.rows = rows;
        this.indices = indices;
        this.dictionary = dictionary;
    }

    static TokenColumn of(Path path, FieldVector tokens, DictionaryProvider dictionaries) throws CheckpointFormatException {
        DictionaryEncoding encoding = tokens.getField().getDictionary();
        if (encoding == null) {
            return new TokenColumn(path, tokens, null, null);
        }
        Dictionary dictionary = dictionaries == null ? null : dictionaries.lookup(encoding.getId());
        if (dictionary == null) {
            throw new CheckpointFormatException(path, "column 'token' is dictionary-encoded, but dictionary " + encoding.getId()
                    + " is missing from the file");
        }
        BatchValidation.checkColumn(path, dictionary.getVector());
        return new TokenColumn(path, tokens, (BaseIntVector) tokens, dictionary.getVector());
    }

    /** The text of a row, or null. */
    String text(int row) throws CheckpointFormatException {
        if (rows.isNull(row)) {
            return null;
        }
        if (indices == null) {
            return decode(rows, row);
        }
        long index = indices.getValueAsLong(row);
        if (index < 0 || index >= dictionary.getValueCount()) {
            throw new CheckpointFormatException(path, "column 'token' row " + row + " refers to dictionary entry " + index
                    + ", the dictionary has " + dictionary.getValueCount());
        }
        return dictionary.isNull((int) index) ? null : decode(dictionary, (int) index);
    }

    private static String decode(ValueVector text, int row) {
        byte[] bytes;
        if (text instanceof VarCharVector v) {
            bytes = v.get(row);
        } else if (text instanceof LargeVarCharVector v) {
            bytes = v.get(row);
        } else {
            bytes = ((ViewVarCharVector) text).get(row);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
