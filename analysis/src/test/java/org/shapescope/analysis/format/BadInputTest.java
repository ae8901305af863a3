package org.shapescope.analysis.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad file gives a one-line CheckpointFormatException that names the file and the reason. */
class BadInputTest {
    @TempDir
    Path dir;

    private Path validFile() throws Exception {
        Path file = dir.resolve("valid.arrow");
        try (CheckpointWriter writer = CheckpointWriter.create(file, 1, 8, CheckpointWriter.Options.defaults())) {
            writer.writeLayer(TestLayers.gaussian(0, 20, 8, 1));
            writer.writeLayer(TestLayers.gaussian(1, 20, 8, 1));
        }
        return file;
    }

    private static void assertOneLineNaming(Path file, Throwable error, String reasonPart) {
        assertThat(error).isInstanceOf(CheckpointFormatException.class);
        assertThat(error.getMessage()).startsWith(file.toString()).contains(reasonPart).doesNotContain("\n");
    }

    @Test
    void emptyFile() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.arrow"));
        assertThatThrownBy(() -> CheckpointFile.open(file)).satisfies(e -> assertOneLineNaming(file, e, "is empty"));
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("missing.arrow");
        assertThatThrownBy(() -> CheckpointFile.open(file)).satisfies(e -> assertOneLineNaming(file, e, "does not exist"));
    }

    @Test
    void folderInsteadOfFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.arrow"));
        assertThatThrownBy(() -> CheckpointFile.open(folder)).satisfies(e -> assertOneLineNaming(folder, e, "is a folder"));
    }

    @Test
    void truncatedFileAtEveryTenthOfItsLength() throws Exception {
        byte[] bytes = Files.readAllBytes(validFile());
        for (int tenth = 1; tenth < 10; tenth++) {
            Path cut = dir.resolve("cut" + tenth + ".arrow");
            Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * tenth / 10));
            assertThatThrownBy(() -> {
                try (CheckpointFile checkpoint = CheckpointFile.open(cut)) {
                    checkpoint.readLayer(0);
                    checkpoint.readLayer(1);
                }
            }).satisfies(e -> assertOneLineNaming(cut, e, ""));
        }
    }

    @Test
    void textFileWithArrowName() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.arrow"), "these are not the activations you are looking for\n");
        assertThatThrownBy(() -> CheckpointFile.open(file)).satisfies(e -> assertOneLineNaming(file, e, "not a readable Arrow file"));
    }

    @Test
    void arrowFileOfAnotherSchema() throws Exception {
        Path file = dir.resolve("other.arrow");
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(List.of(
                     new Field("price", FieldType.nullable(new ArrowType.Int(32, true)), null)), Map.of()), allocator);
             FileOutputStream out = new FileOutputStream(file.toFile());
             ArrowFileWriter writer = new ArrowFileWriter(root, null, out.getChannel())) {
            writer.start();
            ((IntVector) root.getVector("price")).allocateNew(1);
            ((IntVector) root.getVector("price")).set(0, 3);
            root.setRowCount(1);
            writer.writeBatch();
            writer.end();
        }
        assertThatThrownBy(() -> CheckpointFile.open(file))
                .satisfies(e -> assertOneLineNaming(file, e, "needs columns 'layer' and 'embedding', it has [price]"));
    }

    @Test
    void absentLayerIsRefusedByName() throws Exception {
        Path file = validFile();
        try (CheckpointFile checkpoint = CheckpointFile.open(file)) {
            assertThatThrownBy(() -> checkpoint.readLayer(5)).satisfies(e -> assertOneLineNaming(file, e, "has no layer 5"));
        }
    }
}
