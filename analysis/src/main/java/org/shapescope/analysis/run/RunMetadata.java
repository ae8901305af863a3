package org.shapescope.analysis.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The optional run.json of a run folder: name, model, architecture, hidden size, layers and
 * description, plus every other key, kept in file order so that it can be shown.
 */
public final class RunMetadata {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Object> entries;

    private RunMetadata(Map<String, Object> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** Metadata with only a name (used when run.json is absent). */
    public static RunMetadata named(String name) {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("name", name);
        return new RunMetadata(entries);
    }

    /**
     * Parses run.json text; {@code fallbackName} is used when it has no "name".
     *
     * @throws IllegalArgumentException with a one-line reason when the text is not a JSON object
     */
    @SuppressWarnings("unchecked")
    public static RunMetadata parse(String json, String fallbackName) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("must hold a JSON object");
        }
        Map<String, Object> entries = new LinkedHashMap<>(JSON.convertValue(node, LinkedHashMap.class));
        entries.putIfAbsent("name", fallbackName);
        return new RunMetadata(entries);
    }

    public String name() {
        return String.valueOf(entries.get("name"));
    }

    public String model() {
        Object model = entries.get("model");
        return model == null ? "" : String.valueOf(model);
    }

    public Architecture architecture() {
        Object value = entries.get("architecture");
        return Architecture.parse(value == null ? null : String.valueOf(value));
    }

    public String description() {
        Object value = entries.get("description");
        return value == null ? "" : String.valueOf(value);
    }

    /** The declared hidden size, if run.json gives a whole number. */
    public OptionalInt hiddenSize() {
        return integer("hidden_size");
    }

    /** The declared number of layers, if run.json gives a whole number. */
    public OptionalInt layers() {
        return integer("layers");
    }

    /** Every key of run.json in file order, the known ones included. */
    public Map<String, Object> entries() {
        return entries;
    }

    private OptionalInt integer(String key) {
        Object value = entries.get(key);
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return OptionalInt.of(number.intValue());
        }
        return OptionalInt.empty();
    }
}
