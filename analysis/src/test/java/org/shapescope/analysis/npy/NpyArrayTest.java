package org.shapescope.analysis.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fixtures written by numpy itself (resources/npy/make_npy_fixtures.py). */
class NpyArrayTest {
    @TempDir
    Path dir;

    static Path fixture(String name) throws Exception {
        return Path.of(NpyArrayTest.class.getResource("/npy/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"f2_le_c.npy", "f4_be_c.npy", "f4_le_fortran.npy", "f2_be_fortran.npy", "f8_le_c.npy", "v2_header.npy"})
    void everyFloatLayoutGivesTheSameRowMajorMatrix(String name) throws Exception {
        NpyArray array = NpyArray.read(fixture(name));
        assertThat(array.shape()).containsExactly(5, 3);
        float[] values = array.toFloatMatrix();
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 3; c++) {
                // v[r, c] = 10*r + c + 0.25, exact in every float type (make_npy_fixtures.py)
                assertThat(values[r * 3 + c]).isEqualTo(10 * r + c + 0.25f);
            }
        }
    }

    @Test
    void headerFieldsAreReported() throws Exception {
        NpyArray big = NpyArray.read(fixture("f2_be_fortran.npy"));
        assertThat(big.dtype()).isEqualTo("float16");
        assertThat(big.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(big.isFortranOrder()).isTrue();
    }

    @Test
    void integerVectors() throws Exception {
        assertThat(NpyArray.read(fixture("i8_tokens.npy")).toLongVector()).containsExactly(5, -1, 70000, 3, 1L << 40);
        assertThat(NpyArray.read(fixture("u2_be_tokens.npy")).toLongVector()).containsExactly(1, 2, 65535, 4, 5);
    }

    @Test
    void unsupportedArraysAreRefusedNamingTheFile() throws Exception {
        Path complex = fixture("c8_complex.npy");
        assertThatThrownBy(() -> NpyArray.read(complex)).isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith(complex.toString()).hasMessageContaining("'<c8'");
        Path object = fixture("object.npy");
        assertThatThrownBy(() -> NpyArray.read(object)).hasMessageStartingWith(object.toString()).hasMessageContaining("'|O'");
        Path cube = fixture("f4_3d.npy");
        assertThatThrownBy(() -> NpyArray.read(cube).toFloatMatrix()).hasMessageContaining("must be 2-D");
        Path ints = fixture("i4_matrix.npy");
        assertThatThrownBy(() -> NpyArray.read(ints).toFloatMatrix()).hasMessageContaining("must hold floats");
    }

    @Test
    void truncatedAndForeignFilesAreRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(fixture("f4_be_c.npy"));
        Path cut = Files.write(dir.resolve("cut.npy"), java.util.Arrays.copyOf(bytes, bytes.length - 7));
        assertThatThrownBy(() -> NpyArray.read(cut)).hasMessageStartingWith(cut.toString()).hasMessageContaining("is truncated");
        Path text = Files.writeString(dir.resolve("text.npy"), "hello");
        assertThatThrownBy(() -> NpyArray.read(text)).hasMessageContaining("is not a .npy file");
        Path headerOnly = Files.write(dir.resolve("header.npy"), java.util.Arrays.copyOf(bytes, 9));
        assertThatThrownBy(() -> NpyArray.read(headerOnly)).hasMessageContaining("truncated in its header");
    }
}
